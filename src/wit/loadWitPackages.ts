import keyvalueDraft2 from '../../wit/keyvalue-0.2.0-draft2/keyvalue.wit?raw';
import keyvalueDraft from '../../wit/keyvalue-0.2.0-draft/keyvalue.wit?raw';
import messagingDraft from '../../wit/messaging-0.2.0-draft/messaging.wit?raw';
import blobstoreDraft from '../../wit/blobstore-0.2.0-draft/blobstore.wit?raw';
import io022 from '../../wit/io-0.2.2/io.wit?raw';
import cli022 from '../../wit/cli-0.2.2/cli.wit?raw';
import clocks022 from '../../wit/clocks-0.2.2/clocks.wit?raw';
import cli030 from '../../wit/cli-0.3.0/cli.wit?raw';
import keyvalueRange from '../../wit/keyvalue-range-0.1.0/keyvalue-range.wit?raw';
import messagingExt from '../../wit/messaging-ext-0.1.0/messaging-ext.wit?raw';
import blobstoreExt from '../../wit/blobstore-ext-0.1.0/blobstore-ext.wit?raw';
import keyvalueP3 from '../../wit/keyvalue-p3-0.1.0/keyvalue-p3.wit?raw';
import messagingP3 from '../../wit/messaging-p3-0.1.0/messaging-p3.wit?raw';
import blobstoreP3 from '../../wit/blobstore-p3-0.1.0/blobstore-p3.wit?raw';
import configDraft from '../../wit/config-0.2.0-draft/config.wit?raw';
import configRc1 from '../../wit/config-0.2.0-rc.1/config.wit?raw';
import wasmcloudMessaging from '../../wit/wasmcloud-messaging-0.2.0/messaging.wit?raw';

/** One WIT package the playground ships, as a single-file source with a `package x;` header. */
export interface WitPackageEntry {
  /** `ns:name@version`, exactly as declared in `source`. */
  id: string;
  /** Upstream WASI draft, or a never-standardised proposal reconstructed from the 2022 debates. */
  status: 'standard' | 'proposal';
  /** One line for pickers and tooltips. */
  summary: string;
  /** The whole file, starting (after doc comments) with `package <id>;`. */
  source: string;
  /** Ids of packages this one refers to directly. */
  deps: string[];
  /** Worlds declared in the package, for "start from this world" offers. */
  worlds: string[];
}

/** Every package the playground can append to a user's WIT, keyed by nothing: order is display order. */
export const WIT_PACKAGES: readonly WitPackageEntry[] = [
  {
    id: 'wasi:keyvalue@0.2.0-draft2', status: 'standard', source: keyvalueDraft2, deps: [], worlds: ['imports', 'watch-service'],
    summary: 'Key-value store with buckets, atomics (increment, compare-and-swap), batch and watcher (Spin 3).',
  },
  {
    id: 'wasi:keyvalue@0.2.0-draft', status: 'standard', source: keyvalueDraft, deps: [], worlds: ['imports', 'watch-service'],
    summary: 'Earlier key-value draft: u64 cursor and increment, no compare-and-swap (wasmtime, wasmCloud).',
  },
  {
    id: 'wasi:messaging@0.2.0-draft', status: 'standard', source: messagingDraft, deps: [],
    worlds: ['imports', 'imports-request-reply', 'messaging-request-reply', 'messaging-core'],
    summary: 'Messaging: clients, message resources, producer, request-reply and an exported incoming-handler.',
  },
  {
    id: 'wasi:blobstore@0.2.0-draft', status: 'standard', source: blobstoreDraft, deps: ['wasi:io@0.2.2'], worlds: ['imports'],
    summary: 'Blob storage: containers, objects, streamed incoming/outgoing values over wasi:io.',
  },
  {
    id: 'wasi:io@0.2.2', status: 'standard', source: io022, deps: [], worlds: ['imports'],
    summary: 'The wasi:io error, poll and streams interfaces that wasi:blobstore builds on.',
  },
  {
    id: 'wasi:cli@0.2.2', status: 'standard', source: cli022, deps: ['wasi:io@0.2.2'], worlds: ['imports', 'command'],
    summary: 'Command-line basics: stdout/stderr/stdin streams (printed to the console pane), environment, exit.',
  },
  {
    id: 'wasi:clocks@0.2.2', status: 'standard', source: clocks022, deps: ['wasi:io@0.2.2'], worlds: ['imports'],
    summary: 'Monotonic and wall clocks; blocking on a subscribe-duration pollable sleeps (a timer in the browser).',
  },
  {
    id: 'wasi:cli@0.3.0', status: 'standard', source: cli030, deps: [], worlds: ['imports', 'command'],
    summary: 'WASI 0.3 commands: run is an async func, stdout/stderr/stdin are stream<u8> (served by preview3-shim’s browser build).',
  },
  {
    id: 'wasi:config@0.2.0-draft', status: 'standard', source: configDraft, deps: [], worlds: ['imports'],
    summary: 'Runtime configuration values (store.get, get-all) as wasmCloud 1.x serves them; values per guest in the Hosts tab.',
  },
  {
    id: 'wasi:config@0.2.0-rc.1', status: 'standard', source: configRc1, deps: [], worlds: ['imports'],
    summary: 'The same configuration interface at the version Wasmtime’s wasi-config serves.',
  },
  {
    id: 'wasmcloud:messaging@0.2.0', status: 'standard', source: wasmcloudMessaging, deps: [], worlds: ['messaging'],
    summary: 'wasmCloud 1.x messaging: consumer.publish / request and an exported handler, on the same bus as wasi:messaging.',
  },
  {
    id: 'proposal:keyvalue-range@0.1.0', status: 'proposal', source: keyvalueRange, deps: ['wasi:keyvalue@0.2.0-draft2'],
    worlds: ['imports'],
    summary: 'Proposal (wasi-keyvalue PR #4, 2022): ordered range queries over keys, with an open-ended bound.',
  },
  {
    id: 'proposal:messaging-ext@0.1.0', status: 'proposal', source: messagingExt, deps: ['wasi:messaging@0.2.0-draft'],
    worlds: ['imports', 'handler-with-acks'],
    summary: 'Proposal (2022–2023 debates): explicit ack/nack, consuming from an offset, receive with timeout.',
  },
  {
    id: 'proposal:blobstore-ext@0.1.0', status: 'proposal', source: blobstoreExt, deps: ['wasi:blobstore@0.2.0-draft'],
    worlds: ['imports'],
    summary: 'Proposal (2022 blobstore draft): open-ended ranged reads and blob handles that pin their bytes.',
  },
  {
    id: 'proposal:keyvalue-p3@0.1.0', status: 'proposal', source: keyvalueP3, deps: [], worlds: ['imports'],
    summary: 'Proposal (WASI 0.3): async store and atomics, compare-and-swap by value; same store as the 0.2 packages.',
  },
  {
    id: 'proposal:messaging-p3@0.1.0', status: 'proposal', source: messagingP3, deps: [], worlds: ['imports', 'handler'],
    summary: 'Proposal (WASI 0.3): async send, request (several in flight) and an async incoming handler; messages are records.',
  },
  {
    id: 'proposal:blobstore-p3@0.1.0', status: 'proposal', source: blobstoreP3, deps: [], worlds: ['imports'],
    summary: 'Proposal (WASI 0.3): blob bodies as stream<u8> with ranged reads (start, optional end); no wasi:io.',
  },
];

/** The registry entry for `ns:name@version`, if shipped (or a 0.2.x alias of a shipped WASI 0.2 package). */
export function findWitPackage(id: string): WitPackageEntry | undefined {
  return WIT_PACKAGES.find((p) => p.id === id) ?? patchVersionAlias(id, WIT_PACKAGES);
}

/** WASI 0.2 packages (cli, io, clocks) whose 0.2.x releases only add `@since`-gated items the shipped text leaves out. */
const PATCH_ALIASED = /^(wasi:(?:cli|io|clocks))@0\.2\.(\d+)$/;
const aliases = new Map<string, WitPackageEntry>();

/**
 * `wasi:cli@0.2.0`, `wasi:clocks@0.2.6`…: the shipped 0.2.2 text under the asked version (its
 * wasi:io dependency moved along), because toolchains stamp whatever 0.2.x they were built
 * with and hosts accept any of them (semver-compatible patch releases).
 */
export function patchVersionAlias(id: string, registry: readonly WitPackageEntry[]): WitPackageEntry | undefined {
  const m = PATCH_ALIASED.exec(id);
  if (!m) return undefined;
  const shipped = registry.find((p) => p.id.startsWith(`${m[1]}@0.2.`));
  if (!shipped) return undefined;
  const key = `${id} ${shipped.id}`;
  const cached = aliases.get(key);
  if (cached) return cached;
  const from = shipped.id.slice(shipped.id.indexOf('@') + 1);
  const to = `0.2.${m[2]}`;
  const swap = (text: string) => text.replace(/(wasi:(?:cli|io|clocks)(?:\/[\w-]+)?)@0\.2\.\d+/g, (_, name: string) => `${name}@${to}`);
  const entry: WitPackageEntry = { ...shipped, id, source: swap(shipped.source), deps: shipped.deps.map(swap), summary: `${shipped.summary} (same interfaces as ${shipped.id}; versions ${from} and ${to} are interchangeable)` };
  aliases.set(key, entry);
  return entry;
}
