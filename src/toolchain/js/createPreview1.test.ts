import { describe, expect, it } from 'vitest';
import { createPreview1, WasiExit } from './createPreview1';

type Fn = (...args: Array<number | bigint>) => number;

function setup() {
  const memory = new WebAssembly.Memory({ initial: 1 });
  const wasi = createPreview1({
    args: ['prog', 'x'],
    env: { A: '1' },
    stdin: new TextEncoder().encode('--flag a.js'),
    preopens: { '/': { 'a.js': new TextEncoder().encode('export const a = 1;'), 'lib/b.js': new Uint8Array([98]) } },
  });
  wasi.bindMemory(memory);
  const names = ['fd_prestat_get', 'fd_prestat_dir_name', 'path_open', 'fd_read', 'fd_seek', 'fd_close', 'fd_filestat_get',
    'path_filestat_get', 'args_sizes_get', 'args_get', 'proc_exit', 'sock_accept'];
  const f = wasi.createImports(names) as unknown as Record<string, Fn>;
  const view = new DataView(memory.buffer);
  const bytes = new Uint8Array(memory.buffer);
  const put = (ptr: number, text: string) => bytes.set(new TextEncoder().encode(text), ptr);
  const read = (ptr: number, len: number) => new TextDecoder().decode(bytes.slice(ptr, ptr + len));
  const open = (path: string, oflags = 0): [number, number] => {
    put(1000, path);
    const errno = f.path_open!(3, 0, 1000, path.length, oflags, 0n, 0n, 0, 2000);
    return [errno, view.getUint32(2000, true)];
  };
  const readAll = (fd: number, chunk: number) => {
    view.setUint32(3000, 4000, true);
    view.setUint32(3004, chunk, true);
    expect(f.fd_read!(fd, 3000, 1, 3008)).toBe(0);
    return read(4000, view.getUint32(3008, true));
  };
  return { f, view, read, open, readAll };
}

describe('createPreview1', () => {
  it('enumerates the preopen and reads, seeks and stats in-memory files', () => {
    const { f, view, read, open, readAll } = setup();
    expect(f.fd_prestat_get!(3, 100)).toBe(0);
    expect(view.getUint32(104, true)).toBe(1);
    expect(f.fd_prestat_dir_name!(3, 200, 1)).toBe(0);
    expect(read(200, 1)).toBe('/');
    expect(f.fd_prestat_get!(4, 100)).toBe(8); // EBADF ends wasi-libc's preopen scan

    const [errno, fd] = open('./lib/../a.js');
    expect(errno).toBe(0);
    expect(readAll(fd, 6)).toBe('export');
    expect(readAll(fd, 100)).toBe(' const a = 1;');
    expect(readAll(fd, 100)).toBe(''); // EOF
    expect(f.fd_seek!(fd, -2n, 2, 500)).toBe(0);
    expect(view.getBigUint64(500, true)).toBe(17n);
    expect(readAll(fd, 100)).toBe('1;');
    expect(f.fd_filestat_get!(fd, 600)).toBe(0);
    expect(view.getUint8(616)).toBe(4); // regular file
    expect(view.getBigUint64(632, true)).toBe(19n);
    expect(f.fd_close!(fd)).toBe(0);
    expect(f.fd_close!(fd)).toBe(8);

    expect(readAll(0, 100)).toBe('--flag a.js'); // stdin
    expect(open('missing.js')[0]).toBe(44); // ENOENT
    expect(open('../a.js')[0]).toBe(44); // cannot escape the preopen
    expect(open('a.js', 2)[0]).toBe(54); // O_DIRECTORY on a file
    const [dirErr, dirFd] = open('lib', 2);
    expect(dirErr).toBe(0);
    expect(f.path_filestat_get!(dirFd, 0, 1000, 0, 700)).toBe(0);
    expect(view.getUint8(716)).toBe(3); // directory
  });

  it('passes args, exits with WasiExit and traps unknown imports by name', () => {
    const { f, view, read } = setup();
    expect(f.args_sizes_get!(10, 14)).toBe(0);
    expect([view.getUint32(10, true), view.getUint32(14, true)]).toEqual([2, 7]);
    expect(f.args_get!(20, 40)).toBe(0);
    expect(read(view.getUint32(24, true), 1)).toBe('x');
    expect(() => f.proc_exit!(3)).toThrow(WasiExit);
    expect(() => f.sock_accept!(0, 0, 0)).toThrow(/wasi_snapshot_preview1\.sock_accept is not available/);
  });
});
