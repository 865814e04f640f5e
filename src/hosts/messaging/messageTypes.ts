import { HostError } from '../hostContract';

/** `wasi:messaging/types.error` as jco represents the variant. */
export type MessagingError =
  | { tag: 'timeout' }
  | { tag: 'connection'; val: string }
  | { tag: 'permission-denied'; val: string }
  | { tag: 'other'; val: string };

/** Throws `err(error)` back to the guest. */
export function fail(error: MessagingError): never {
  throw new HostError(error);
}

/** `metadata` = list<tuple<string, string>>. */
export type Metadata = Array<[string, string]>;

// Reply-to inbox of received requests. Kept out of the class surface because jco would
// otherwise see an extra method, and guests must not forge it.
const replyToOf = new WeakMap<Message, string>();

/** The `message` resource: payload bytes plus topic, content type and metadata. */
export class Message {
  private bytes: Uint8Array;
  private topicName?: string;
  private type?: string;
  private meta?: Metadata;

  constructor(data: Uint8Array) {
    this.bytes = toBytes(data, 'message data');
  }

  topic(): string | undefined {
    return this.topicName;
  }

  contentType(): string | undefined {
    return this.type;
  }

  setContentType(contentType: string): void {
    this.type = contentType;
  }

  data(): Uint8Array {
    return this.bytes.slice();
  }

  setData(data: Uint8Array): void {
    this.bytes = toBytes(data, 'message data');
  }

  metadata(): Metadata | undefined {
    return this.meta?.map(([k, v]) => [k, v]);
  }

  /** Appends a pair; keys may repeat (metadata is a list, not a map). */
  addMetadata(key: string, value: string): void {
    (this.meta ??= []).push([key, value]);
  }

  setMetadata(meta: Metadata): void {
    this.meta = meta.map(([k, v]) => [String(k), String(v)]);
  }

  /** Removes every pair with this key. */
  removeMetadata(key: string): void {
    if (this.meta) this.meta = this.meta.filter(([k]) => k !== key);
  }

  /** Host side: a message as received from the bus. */
  static received(fields: {
    data: Uint8Array;
    topic: string;
    contentType?: string;
    metadata?: Metadata;
    replyTo?: string;
  }): Message {
    const message = new Message(fields.data);
    message.topicName = fields.topic;
    message.type = fields.contentType;
    message.meta = fields.metadata?.map(([k, v]) => [k, v]);
    if (fields.replyTo !== undefined) replyToOf.set(message, fields.replyTo);
    return message;
  }

  /** Host side: the inbox a reply to this message goes to, if it was a request. */
  static replyTo(message: Message): string | undefined {
    return replyToOf.get(message);
  }
}

/** The `client` resource. The bus is always reachable, so connect only records the name. */
export class Client {
  private connected = true;

  private constructor(readonly name: string) {}

  static connect(name: string): Client {
    if (typeof name !== 'string') fail({ tag: 'other', val: 'client name must be a string' });
    return new Client(name);
  }

  disconnect(): void {
    if (!this.connected) fail({ tag: 'connection', val: `client "${this.name}" is already disconnected` });
    this.connected = false;
  }

  /** Throws `connection` when the guest disconnected this client. */
  static assertConnected(client: Client): void {
    if (!(client instanceof Client)) fail({ tag: 'other', val: 'not a messaging client' });
    if (!client.connected) fail({ tag: 'connection', val: `client "${client.name}" is disconnected` });
  }
}

/** The `request-options` resource of request-reply. */
export class RequestOptions {
  timeoutMs?: number;
  expectedReplies?: number;

  setTimeoutMs(timeoutMs: number): void {
    this.timeoutMs = timeoutMs;
  }

  setExpectedReplies(expectedReplies: number): void {
    this.expectedReplies = expectedReplies;
  }
}

function toBytes(data: unknown, what: string): Uint8Array {
  if (data instanceof Uint8Array) return data.slice();
  if (Array.isArray(data)) return Uint8Array.from(data as number[]);
  return fail({ tag: 'other', val: `${what} must be bytes (Uint8Array)` });
}
