import { HostError } from '../hostContract';
import { answersSync, answersSyncMethods } from '../answersSync';

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

/** The `message` resource: payload bytes plus topic, content type and metadata. */
export interface Message {
  topic(): string | undefined;
  contentType(): string | undefined;
  setContentType(contentType: string): void;
  data(): Uint8Array;
  setData(data: Uint8Array): void;
  metadata(): Metadata | undefined;
  /** Appends a pair; keys may repeat (metadata is a list, not a map). */
  addMetadata(key: string, value: string): void;
  setMetadata(meta: Metadata): void;
  /** Removes every pair with this key. */
  removeMetadata(key: string): void;
}

/** The `client` resource. The bus is always reachable, so connect only records the name. */
export interface Client {
  readonly name: string;
  disconnect(): void;
}

/** The `request-options` resource of request-reply. */
export interface RequestOptions {
  readonly timeoutMs?: number;
  readonly expectedReplies?: number;
  setTimeoutMs(timeoutMs: number): void;
  setExpectedReplies(expectedReplies: number): void;
}

/** What gets published of a message: a copy of its bytes, content type and metadata. */
export interface MessageContent {
  data: Uint8Array;
  contentType?: string;
  metadata?: Metadata;
}

/** A message as it arrives from the bus. */
export interface ReceivedFields {
  data: Uint8Array;
  topic: string;
  contentType?: string;
  metadata?: Metadata;
  replyTo?: string;
}

/**
 * Resource classes for one host instance plus host-side helpers. The classes are made per
 * instance because the runtime patches resource classes in place to trace their methods;
 * the helpers live outside the classes so host-internal calls are never traced as guest calls.
 */
export interface MessageTypes {
  Message: new (data: Uint8Array) => Message;
  Client: { connect(name: string): Client };
  RequestOptions: new () => RequestOptions;
  /** Builds a `Message` for delivery to the guest. */
  received(fields: ReceivedFields): Message;
  /** Reads a message without going through its (traced) methods; err(other) for non-messages. */
  contentOf(message: unknown): MessageContent;
  /** The reply-to inbox of a received request, if any. */
  replyToOf(message: unknown): string | undefined;
  /** Throws `err(connection)` for a disconnected client, `err(other)` for a non-client. */
  assertConnected(client: unknown): void;
}

/** Marks a constructor call from `received` (not reachable by guests, which pass one argument). */
const OWN = Symbol('own bytes');

/** Creates the `types` / `request-reply` resource classes of one host instance. */
export function createMessageTypes(): MessageTypes {
  // Reply-to is hidden from the guest: it only ever comes from a received envelope.
  const replyTo = new WeakMap<object, string>();

  class Message {
    bytes: Uint8Array;
    topicName?: string;
    type?: string;
    meta?: Metadata;
    constructor(data: Uint8Array, own?: typeof OWN) {
      // A delivery's bytes are its own and, like every message's, never changed in place:
      // `received` keeps them instead of copying them once more per message.
      this.bytes = own === OWN ? data : toBytes(data);
    }
    /** Lets the runtime's tracer draw an edge to the topic of a received message. */
    get traceTarget() {
      return this.topicName === undefined ? undefined : { type: 'topic' as const, name: this.topicName };
    }
    topic() { return this.topicName; }
    contentType() { return this.type; }
    setContentType(contentType: string) { this.type = String(contentType); }
    data() { return this.bytes.slice(); }
    setData(data: Uint8Array) { this.bytes = toBytes(data); }
    metadata(): Metadata | undefined { return this.meta?.map(([k, v]) => [k, v]); }
    addMetadata(key: string, value: string) { (this.meta ??= []).push([String(key), String(value)]); }
    setMetadata(meta: Metadata) { this.meta = meta.map(([k, v]) => [String(k), String(v)]); }
    removeMetadata(key: string) { if (this.meta) this.meta = this.meta.filter(([k]) => k !== key); }
  }

  class Client {
    connected = true;
    constructor(readonly name: string) {}
    static connect(name: string): Client {
      if (typeof name !== 'string') fail({ tag: 'other', val: 'client name must be a string' });
      return new Client(name);
    }
    disconnect() {
      if (!this.connected) fail({ tag: 'connection', val: `client "${this.name}" is already disconnected` });
      this.connected = false;
    }
  }

  class RequestOptions {
    timeoutMs?: number;
    expectedReplies?: number;
    setTimeoutMs(timeoutMs: number) { this.timeoutMs = timeoutMs; }
    setExpectedReplies(expectedReplies: number) { this.expectedReplies = expectedReplies; }
  }

  // Plain data on a resource, never a Promise: imported without a JSPI suspension (answersSync.ts).
  answersSyncMethods(Message, ['topic', 'contentType', 'setContentType', 'data', 'setData', 'metadata', 'addMetadata', 'setMetadata', 'removeMetadata'], true);
  answersSyncMethods(Client, ['disconnect']);
  answersSync(Client.connect);
  answersSyncMethods(RequestOptions, ['setTimeoutMs', 'setExpectedReplies'], true);

  return {
    Message,
    Client,
    RequestOptions,
    received(fields) {
      const message = fields.data instanceof Uint8Array ? new Message(fields.data, OWN) : new Message(fields.data);
      message.topicName = fields.topic;
      message.type = fields.contentType;
      message.meta = fields.metadata?.map(([k, v]) => [k, v]);
      if (fields.replyTo !== undefined) replyTo.set(message, fields.replyTo);
      return message;
    },
    contentOf(message) {
      if (!(message instanceof Message)) fail({ tag: 'other', val: 'not a messaging message' });
      // The bytes are shared, not copied: a message's bytes are never changed in place (the
      // constructor and setData copy what they get, data() hands out a copy). Metadata is
      // copied, because addMetadata appends to the message's list.
      return { data: message.bytes, contentType: message.type, metadata: message.meta?.map(([k, v]) => [k, v]) };
    },
    replyToOf: (message) => (typeof message === 'object' && message !== null ? replyTo.get(message) : undefined),
    assertConnected(client) {
      if (!(client instanceof Client)) fail({ tag: 'other', val: 'not a messaging client' });
      if (!client.connected) fail({ tag: 'connection', val: `client "${client.name}" is disconnected` });
    },
  };
}

function toBytes(data: unknown): Uint8Array {
  if (data instanceof Uint8Array) return data.slice();
  if (Array.isArray(data)) return Uint8Array.from(data as number[]);
  return fail({ tag: 'other', val: 'message data must be bytes (Uint8Array)' });
}
