// One stored JS build as one Cache Storage body: a little-endian u32 header length, the header
// (the artifact without bytes, as JSON, plus each file's name and size), then the files' bytes.
// One body reads back in one arrayBuffer() (Cache Storage returns 12 MB 3–5× faster than an
// IndexedDB structured clone). Each small file is sliced out into its own buffer so that posting
// it to the page never clones the whole 12 MB body with it; large ones (the core module) stay
// views of the body: they are only ever a patch base, or copied before they go to the page
// (jsArtifactForPage), and a second 12 MB copy here was a tenth of a returning visit's build.
import type { BuildArtifact } from '../../protocol/buildProtocol';
import { moduleLength, writeModule, type RawSection } from './wasmBinary';

/** Files at least this large are read back as views of the body (jsArtifactForPage copies those). */
const VIEW_BYTES = 256 * 1024;

interface Header {
  artifact: Omit<BuildArtifact, 'files' | 'component'>;
  files: Array<[string, number]>;
}

/**
 * Packs a stored build (its component is not kept: see storedJsBuilds.ts). A file named in
 * `modules` is written from those sections instead of its bytes, straight into the body: the
 * kept core module is a 10 MB rewrite of the built one, and a copy of its own first would be one
 * more fresh buffer to fault in on the build worker (see spareBuffers.ts) right when the next
 * Run may arrive.
 */
export function packJsBuild(artifact: BuildArtifact, modules: ReadonlyMap<string, readonly RawSection[]> = new Map()): Uint8Array {
  const { files, component: _component, ...rest } = artifact;
  const sizes = files.map(([n, d]) => {
    const sections = modules.get(n);
    return sections ? moduleLength(sections) : d.byteLength;
  });
  const header = new TextEncoder().encode(JSON.stringify({ artifact: rest, files: files.map(([n], i) => [n, sizes[i]!]) } satisfies Header));
  const total = 4 + header.length + sizes.reduce((n, size) => n + size, 0);
  const out = new Uint8Array(total);
  new DataView(out.buffer).setUint32(0, header.length, true);
  out.set(header, 4);
  let at = 4 + header.length;
  files.forEach(([n, d], i) => {
    const sections = modules.get(n);
    if (sections) writeModule(sections, (length) => out.subarray(at, at + length));
    else out.set(d, at);
    at += sizes[i]!;
  });
  return out;
}

/** Unpacks {@link packJsBuild}'s bytes; throws on anything else. */
export function unpackJsBuild(bytes: Uint8Array): BuildArtifact {
  if (bytes.length < 4) throw new Error('stored build: truncated');
  const headerLength = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getUint32(0, true);
  if (4 + headerLength > bytes.length) throw new Error('stored build: truncated header');
  const header = JSON.parse(new TextDecoder().decode(bytes.subarray(4, 4 + headerLength))) as Header;
  if (!header || typeof header.artifact !== 'object' || !Array.isArray(header.files)) throw new Error('stored build: bad header');
  let at = 4 + headerLength;
  const files: [string, Uint8Array][] = header.files.map(([name, size]) => {
    if (typeof name !== 'string' || !Number.isInteger(size) || size < 0 || at + size > bytes.length) throw new Error('stored build: bad file entry');
    const data = size >= VIEW_BYTES ? bytes.subarray(at, at + size) : bytes.slice(at, at + size);
    at += size;
    return [name, data];
  });
  if (at !== bytes.length) throw new Error('stored build: trailing bytes');
  return { ...header.artifact, files, component: new Uint8Array(0) };
}
