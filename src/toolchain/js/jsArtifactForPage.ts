// What of a JS/TS build goes to the page, and how. A JS guest's artifact is large: the component
// (~12 MB) and its main core module (~12 MB). Cloned through postMessage, each is copied twice
// (serialised in the worker, deserialised on the page) while the page waits, which measured
// ~0.4 s of a ~0.6 s rebuild. So:
//  - a fast-path artifact (componentStale) carries no component bytes at all: they are the
//    previous full build's, never run, and a download asks for a `full` build anyway;
//  - large buffers are copied once in the worker and the copies transferred (no second copy on
//    the page). The worker keeps its own: the next fast-path patch and the stored build read them;
//  - except buffers the worker does not keep (`handOff`: a fast path's new core module, whose
//    next base is the build it was patched from): those are transferred as they are, no copy
//    (a module written into a spare buffer with the spare's unused tail, see spareBuffers.ts).
import type { BuildArtifact } from '../../protocol/buildProtocol';
import { ownsWholeBuffer } from './spareBuffers';

/** Buffers at least this large are transferred instead of cloned. */
const TRANSFER_BYTES = 256 * 1024;

/** Empty component bytes of a stale artifact: the page never reads them (BuildArtifact.componentStale). */
const NO_COMPONENT = new Uint8Array(0);

/**
 * The artifact to post to the page, with the buffers to transfer along. `handOff`: buffers the
 * worker keeps no reference to, transferred without a copy (they are unusable here afterwards).
 */
export function jsArtifactForPage(artifact: BuildArtifact, handOff: ReadonlySet<Uint8Array> = new Set()): { artifact: BuildArtifact; transfer: ArrayBuffer[] } {
  const transfer: ArrayBuffer[] = [];
  const handOver = (bytes: Uint8Array): Uint8Array => {
    if (bytes.byteLength < TRANSFER_BYTES) return bytes;
    if (handOff.has(bytes) && ownsWholeBuffer(bytes) && !transfer.includes(bytes.buffer as ArrayBuffer)) {
      transfer.push(bytes.buffer as ArrayBuffer);
      return bytes;
    }
    const copy = bytes.slice();
    transfer.push(copy.buffer);
    return copy;
  };
  return {
    artifact: {
      ...artifact,
      component: artifact.componentStale ? NO_COMPONENT : handOver(artifact.component),
      files: artifact.files.map(([name, data]) => [name, handOver(data)]),
    },
    transfer,
  };
}
