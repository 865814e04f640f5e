import type { ContainerRecord, ObjectRecord } from '../blobstore/openBlobDb';
import type { ObjectId } from '../blobstore/blobStore';
import type { KeyBounds } from '../idb/kvKeyRanges';
import type { Bus, BusMessagePacket } from '../messaging/createBus';

/**
 * The seam between host packages and where their data lives. The keyvalue, messaging,
 * blobstore and proposal hosts implement the WIT semantics (validation, resources, errors,
 * tracing) once; a backend only stores bytes and moves messages. Two backends exist:
 * `browser` (IndexedDB + BroadcastChannel, the default) and `nats` (a NATS server:
 * subjects, JetStream key-value, object store). A new backend implements `HostBackend`
 * and is picked in `createHostBackend`; hosts never branch on the kind.
 */
export interface HostBackend {
  kind: 'browser' | 'nats';
  /** Human label for errors and the UI: "this browser", "NATS ws://127.0.0.1:4222". */
  label: string;
  /** The message bus of a namespace (one per worker per namespace; call `release` when done). */
  bus(namespace: string): Bus;
  /** Key-value storage for one host instance (`origin` identifies its own writes for watchers). */
  kv(namespace: string, origin: string): KvStorage;
  /** Blob storage of a namespace. */
  blobs(namespace: string): BlobStorage;
  /**
   * Why a host package cannot run on this backend (shown to the user as a missing host),
   * or undefined when it can. Lets a backend ship before every proposal is ported to it.
   */
  refuses(packageId: string): string | undefined;
  /**
   * Durable messaging (topic logs, at-least-once consumers) kept by the backend itself and
   * shared by every machine (NATS JetStream). Absent: proposal:messaging-ext keeps its logs
   * and leases in this browser's IndexedDB.
   */
  durable?(namespace: string): DurableMessaging;
  /** Ends connections (the run worker calls it when the guest ends). */
  close(): Promise<void>;
}

/** A committed key-value change as watchers receive it. */
export interface KvChange {
  op: 'set' | 'delete';
  bucket: string;
  key: string;
  /** New value for `set`. */
  value?: Uint8Array;
  /** Host instance that made the change; it never delivers its own changes to itself. */
  origin: string;
}

/** Result of a read-modify-write step: what to write (nothing = leave as is) and what to return. */
export interface KvUpdateStep<R> {
  write?: Uint8Array;
  result: R;
}

/**
 * Key-value storage of one namespace, seen by one host instance. Keys are ordered by
 * UTF-16 code units within a bucket (IndexedDB order) on every backend, so cursors and
 * ranges page identically. Failures reject with a HostError `{tag:'other', val}`.
 */
export interface KvStorage {
  get(bucket: string, key: string): Promise<Uint8Array | undefined>;
  getMany(bucket: string, keys: string[]): Promise<(Uint8Array | undefined)[]>;
  has(bucket: string, key: string): Promise<boolean>;
  /** Writes all pairs (atomically on the browser; key by key on NATS, which the WIT allows). */
  putMany(bucket: string, pairs: [string, Uint8Array][]): Promise<void>;
  /** Deletes keys; resolves with the ones that existed. */
  deleteMany(bucket: string, keys: string[]): Promise<string[]>;
  /**
   * Atomic read-modify-write of one key, across workers, tabs and (on NATS) machines.
   * `step` must be pure: a backend with optimistic concurrency (NATS revisions) calls it
   * again with the newer value when another writer got there first.
   */
  update<R>(bucket: string, key: string, step: (current: Uint8Array | undefined) => KvUpdateStep<R>): Promise<R>;
  listKeys(bucket: string, bounds: KeyBounds, limit: number, reverse?: boolean): Promise<string[]>;
  listKeysFromOffset(bucket: string, offset: number, limit: number): Promise<string[]>;
  countKeys(bucket: string, bounds?: KeyBounds): Promise<number>;
  deleteRange(bucket: string, bounds?: KeyBounds): Promise<number>;
  /** Keys and values within bounds, in order, at most `limit`. */
  readRange(bucket: string, bounds: KeyBounds, limit: number): Promise<[string, Uint8Array][]>;
  /** Tells watchers of other instances about committed changes (a no-op where the store itself notifies). */
  announce(changes: Omit<KvChange, 'origin'>[]): void;
  /** Calls `onChange` for changes of `bucket` made by other instances; returns a stop function. */
  watch(bucket: string, onChange: (change: KvChange) => void): () => void;
  /**
   * Where writers announce only to registered watchers (the browser backend), registers this
   * instance; resolves once later writes anywhere reach its `watch` listeners.
   */
  startWatching?(): Promise<void>;
}

/**
 * Blob storage of one namespace: containers of objects. Errors are HostErrors carrying the
 * WIT `error` string ("container \"x\" does not exist").
 */
export interface BlobStorage {
  /** Namespace the storage belongs to (keeps write-data targets of different stores apart). */
  readonly namespace: string;
  createContainer(name: string): Promise<ContainerRecord>;
  getContainer(name: string): Promise<ContainerRecord>;
  containerExists(name: string): Promise<boolean>;
  deleteContainer(name: string): Promise<void>;
  /** The object's record; `data` is a Blob that range reads slice without copying. */
  getObject(container: string, name: string): Promise<ObjectRecord>;
  hasObject(container: string, name: string): Promise<boolean>;
  putObject(container: string, name: string, data: Blob): Promise<void>;
  deleteObjects(container: string, names: string[]): Promise<void>;
  clear(container: string): Promise<void>;
  /** Up to `count` object names after `after` (exclusive), in code-unit order. */
  listNames(container: string, after: string | undefined, count: number): Promise<string[]>;
  copyObject(src: ObjectId, dest: ObjectId, move: boolean): Promise<void>;
}

/** One message of an at-least-once consumer, held until settled. */
export interface DurableDelivery {
  packet: BusMessagePacket;
  /** Where the server stores the message (its stream sequence): one number for every group's copy of it. */
  seq: number;
  /** Deliveries before this one (0 on the first). */
  redelivery: number;
  /** Settles for good; resolves once the server confirmed it. */
  ack(): Promise<void>;
  /** Asks for redelivery now (to any member of the group). */
  nak(): void;
  /** Drops the message for good (a poison message, or nack without requeue). */
  term(): void;
  /** Extends the ack deadline of a slow handler that is still alive. */
  working(): void;
}

/** A cursor over one topic's log; offsets grow with every message of the topic. */
export interface LogReader {
  /** The next entry already read ahead, if any (no waiting). */
  take(): { offset: number; packet: BusMessagePacket } | undefined;
  /** Resolves when an entry is ready or `ms` passed; rejects with a HostError when the server is unreachable. */
  wait(ms: number): Promise<void>;
  close(): void;
}

/** Options of an at-least-once consumer group. */
export interface DurableConsumeOptions {
  /** How long a member may hold a message without acking (or `working`) before another gets it. */
  ackWaitMs: number;
  /** Deliveries of one message before the server gives up on it. */
  maxDeliver: number;
}

/**
 * Messaging state that outlives a worker and is shared by every machine: per-topic logs
 * (offsets, subscribe-from, commit) and consumer groups with explicit acks. Failures
 * reject with a HostError `{tag:'other', val}` naming the server.
 */
export interface DurableMessaging {
  /**
   * Every member of `group` on any machine shares one position; each message goes to one of
   * them until acked. A message matching several of `patterns` comes once.
   */
  consume(group: string, patterns: string[], options: DurableConsumeOptions, onMessage: (delivery: DurableDelivery) => void): Promise<() => void>;
  /** Reads `topic` from `offset` (0 = the oldest retained message). */
  read(topic: string, offset: number): Promise<LogReader>;
  commit(group: string, topic: string, offset: number): Promise<void>;
  committed(group: string, topic: string): Promise<number | undefined>;
}
