// A small, read-only WASI preview1 environment: just what the StarlingMonkey engine needs while
// being pre-initialised (args, env vars, stdin, preopened in-memory source files, clocks, random,
// stdout/stderr to a log). Any other preview1 function traps with a message naming it.

/** Thrown when the guest calls proc_exit. */
export class WasiExit extends Error {
  constructor(readonly code: number) {
    super(`guest called proc_exit(${code})`);
  }
}

/** Options for {@link createPreview1}. */
export interface Preview1Options {
  args: readonly string[];
  env: Readonly<Record<string, string>>;
  /** Bytes the guest reads from fd 0 (StarlingMonkey reads its init arguments from stdin). */
  stdin?: Uint8Array;
  /** Preopened directories: guest path → (relative file path → contents). */
  preopens: Readonly<Record<string, Readonly<Record<string, Uint8Array>>>>;
  /** Receives every stdout/stderr write. */
  onOutput?: (fd: 1 | 2, text: string) => void;
}

/** The preview1 import object plus the hook to attach the instance memory once it exists. */
export interface Preview1 {
  createImports(names: readonly string[]): Record<string, (...args: never[]) => unknown>;
  bindMemory(memory: WebAssembly.Memory): void;
}

type Handle =
  | { kind: 'stdio'; fd: 0 | 1 | 2 }
  | { kind: 'dir'; guestPath: string; files: Readonly<Record<string, Uint8Array>> }
  | { kind: 'file'; data: Uint8Array; pos: number };

const E = { success: 0, badf: 8, inval: 28, isdir: 31, noent: 44, notdir: 54, spipe: 69 } as const;
const FILETYPE = { charDevice: 2, directory: 3, regular: 4 } as const;
const ALL_RIGHTS = 0x1fffffffn;
const encoder = new TextEncoder();

/** Normalises a guest path relative to a preopen ("./a/../b.js" → "b.js"); undefined if it escapes. */
function normalise(path: string): string | undefined {
  const parts: string[] = [];
  for (const part of path.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (parts.length === 0) return undefined;
      parts.pop();
    } else parts.push(part);
  }
  return parts.join('/');
}

/** Creates the environment; see {@link Preview1Options}. */
export function createPreview1(options: Preview1Options): Preview1 {
  let memory: WebAssembly.Memory | undefined;
  const handles = new Map<number, Handle>([
    [0, { kind: 'stdio', fd: 0 }],
    [1, { kind: 'stdio', fd: 1 }],
    [2, { kind: 'stdio', fd: 2 }],
  ]);
  let nextFd = 3;
  for (const [guestPath, files] of Object.entries(options.preopens)) handles.set(nextFd++, { kind: 'dir', guestPath, files });
  const stdin: Handle = { kind: 'file', data: options.stdin ?? new Uint8Array(0), pos: 0 };
  const argBytes = options.args.map((a) => encoder.encode(`${a}\0`));
  const envBytes = Object.entries(options.env).map(([k, v]) => encoder.encode(`${k}=${v}\0`));
  const decoders = { 1: new TextDecoder(), 2: new TextDecoder() };

  const mem = (): WebAssembly.Memory => {
    if (!memory) throw new Error('preview1: memory not bound yet');
    return memory;
  };
  const view = () => new DataView(mem().buffer);
  const bytes = (ptr: number, len: number) => new Uint8Array(mem().buffer, ptr, len);
  const readString = (ptr: number, len: number) => new TextDecoder().decode(bytes(ptr, len).slice());

  const writeStrings = (list: Uint8Array[], ptrs: number, buf: number) => {
    let offset = buf;
    list.forEach((item, i) => {
      view().setUint32(ptrs + i * 4, offset, true);
      bytes(offset, item.length).set(item);
      offset += item.length;
    });
    return E.success;
  };
  const writeSizes = (list: Uint8Array[], countPtr: number, sizePtr: number) => {
    view().setUint32(countPtr, list.length, true);
    view().setUint32(sizePtr, list.reduce((n, b) => n + b.length, 0), true);
    return E.success;
  };
  const iovecs = (iovs: number, count: number) =>
    Array.from({ length: count }, (_, i) => bytes(view().getUint32(iovs + i * 8, true), view().getUint32(iovs + i * 8 + 4, true)));

  const lookup = (dirFd: number, path: string): Uint8Array | 'dir' | undefined => {
    const dir = handles.get(dirFd);
    if (dir?.kind !== 'dir') return undefined;
    const rel = normalise(path);
    if (rel === undefined) return undefined;
    if (rel === '') return 'dir';
    return dir.files[rel] ?? (Object.keys(dir.files).some((f) => f.startsWith(`${rel}/`)) ? 'dir' : undefined);
  };
  const writeFilestat = (ptr: number, filetype: number, size: number) => {
    bytes(ptr, 64).fill(0);
    view().setUint8(ptr + 16, filetype);
    view().setBigUint64(ptr + 24, 1n, true);
    view().setBigUint64(ptr + 32, BigInt(size), true);
    return E.success;
  };

  const impl: Record<string, (...args: never[]) => unknown> = {
    args_sizes_get: (c: number, s: number) => writeSizes(argBytes, c, s),
    args_get: (p: number, b: number) => writeStrings(argBytes, p, b),
    environ_sizes_get: (c: number, s: number) => writeSizes(envBytes, c, s),
    environ_get: (p: number, b: number) => writeStrings(envBytes, p, b),
    clock_time_get: (id: number, _precision: bigint, out: number) => {
      const ns = id === 0 ? BigInt(Date.now()) * 1_000_000n : BigInt(Math.round(performance.now() * 1e6));
      view().setBigUint64(out, ns, true);
      return E.success;
    },
    random_get: (ptr: number, len: number) => {
      for (let off = 0; off < len; off += 65536) crypto.getRandomValues(bytes(ptr + off, Math.min(65536, len - off)));
      return E.success;
    },
    fd_write: (fd: number, iovs: number, count: number, outPtr: number) => {
      if (fd !== 1 && fd !== 2) return E.badf;
      let written = 0;
      for (const chunk of iovecs(iovs, count)) {
        options.onOutput?.(fd, decoders[fd].decode(chunk, { stream: true }));
        written += chunk.length;
      }
      view().setUint32(outPtr, written, true);
      return E.success;
    },
    fd_read: (fd: number, iovs: number, count: number, outPtr: number) => {
      const h = fd === 0 ? stdin : handles.get(fd);
      if (h?.kind !== 'file') return h?.kind === 'dir' ? E.isdir : E.badf;
      let read = 0;
      for (const chunk of iovecs(iovs, count)) {
        const n = Math.min(chunk.length, h.data.length - h.pos);
        chunk.set(h.data.subarray(h.pos, h.pos + n));
        h.pos += n;
        read += n;
        if (n < chunk.length) break;
      }
      view().setUint32(outPtr, read, true);
      return E.success;
    },
    fd_seek: (fd: number, offset: bigint, whence: number, outPtr: number) => {
      const h = handles.get(fd);
      if (h?.kind !== 'file') return h ? E.spipe : E.badf;
      const base = whence === 0 ? 0 : whence === 1 ? h.pos : h.data.length;
      const next = base + Number(offset);
      if (next < 0 || whence > 2) return E.inval;
      h.pos = next;
      view().setBigUint64(outPtr, BigInt(next), true);
      return E.success;
    },
    fd_close: (fd: number) => (handles.delete(fd) ? E.success : E.badf),
    fd_fdstat_get: (fd: number, ptr: number) => {
      const h = handles.get(fd);
      if (!h) return E.badf;
      bytes(ptr, 24).fill(0);
      view().setUint8(ptr, h.kind === 'stdio' ? FILETYPE.charDevice : h.kind === 'dir' ? FILETYPE.directory : FILETYPE.regular);
      view().setBigUint64(ptr + 8, ALL_RIGHTS, true);
      view().setBigUint64(ptr + 16, ALL_RIGHTS, true);
      return E.success;
    },
    // Nothing here is blocking or appending, so flag changes are accepted and have no effect.
    fd_fdstat_set_flags: (fd: number) => (handles.has(fd) ? E.success : E.badf),
    fd_prestat_get: (fd: number, ptr: number) => {
      const h = handles.get(fd);
      if (h?.kind !== 'dir') return E.badf;
      view().setUint32(ptr, 0, true);
      view().setUint32(ptr + 4, encoder.encode(h.guestPath).length, true);
      return E.success;
    },
    fd_prestat_dir_name: (fd: number, ptr: number, len: number) => {
      const h = handles.get(fd);
      if (h?.kind !== 'dir') return E.badf;
      bytes(ptr, len).set(encoder.encode(h.guestPath).subarray(0, len));
      return E.success;
    },
    fd_filestat_get: (fd: number, ptr: number) => {
      const h = handles.get(fd);
      if (!h) return E.badf;
      if (h.kind === 'file') return writeFilestat(ptr, FILETYPE.regular, h.data.length);
      return writeFilestat(ptr, h.kind === 'dir' ? FILETYPE.directory : FILETYPE.charDevice, 0);
    },
    path_filestat_get: (fd: number, _flags: number, pathPtr: number, pathLen: number, ptr: number) => {
      const found = lookup(fd, readString(pathPtr, pathLen));
      if (!found) return handles.get(fd)?.kind === 'dir' ? E.noent : E.badf;
      return found === 'dir' ? writeFilestat(ptr, FILETYPE.directory, 0) : writeFilestat(ptr, FILETYPE.regular, found.length);
    },
    path_open: (
      fd: number, _dirflags: number, pathPtr: number, pathLen: number, oflags: number,
      _rightsBase: bigint, _rightsInheriting: bigint, _fdflags: number, outPtr: number,
    ) => {
      const path = readString(pathPtr, pathLen);
      const found = lookup(fd, path);
      if (!found) return handles.get(fd)?.kind === 'dir' ? E.noent : E.badf;
      const dir = handles.get(fd) as Extract<Handle, { kind: 'dir' }>;
      if (found === 'dir') {
        const rel = normalise(path)!;
        const prefix = rel === '' ? '' : `${rel}/`;
        const files = Object.fromEntries(
          Object.entries(dir.files).filter(([f]) => f.startsWith(prefix)).map(([f, d]) => [f.slice(prefix.length), d]),
        );
        handles.set(nextFd, { kind: 'dir', guestPath: `${dir.guestPath.replace(/\/$/, '')}/${rel}`, files });
      } else if (oflags & 0x2) return E.notdir; // O_DIRECTORY on a regular file
      else handles.set(nextFd, { kind: 'file', data: found, pos: 0 });
      view().setUint32(outPtr, nextFd++, true);
      return E.success;
    },
    proc_exit: (code: number) => {
      throw new WasiExit(code);
    },
  };

  return {
    createImports(names) {
      const out: Record<string, (...args: never[]) => unknown> = {};
      for (const name of names) {
        out[name] =
          impl[name] ??
          (() => {
            throw new Error(`wasi_snapshot_preview1.${name} is not available while pre-initialising the JS engine`);
          });
      }
      return out;
    },
    bindMemory(m) {
      memory = m;
    },
  };
}
