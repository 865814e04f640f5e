import * as cli from '@bytecodealliance/preview2-shim/cli';
import * as clocks from '@bytecodealliance/preview2-shim/clocks';
import * as filesystem from '@bytecodealliance/preview2-shim/filesystem';
import * as io from '@bytecodealliance/preview2-shim/io';
import * as random from '@bytecodealliance/preview2-shim/random';
import type { InterfaceImpl } from '../hosts/hostContract';
import { toKebab } from './witNames';

type Log = (stream: 'stdout' | 'stderr', text: string) => void;

/**
 * The WASI base interfaces (cli, io, clocks, random, filesystem) from preview2-shim's
 * browser build, keyed as jco expects ("wasi:cli/stdout"). Standard output is routed to
 * the console pane; each `get-stdout` returns a fresh stream because a guest that drops
 * its handle closes it, and preview2-shim's shared default stream would then stay closed.
 */
export function createWasiBase(log: Log): Record<string, InterfaceImpl> {
  const base: Record<string, InterfaceImpl> = {};
  const add = (ns: string, mod: Record<string, unknown>) => {
    for (const [name, value] of Object.entries(mod)) {
      if (name.startsWith('_') || typeof value !== 'object' || value === null) continue;
      base[`wasi:${ns}/${toKebab(name)}`] = value as InterfaceImpl;
    }
  };
  add('cli', cli as unknown as Record<string, unknown>);
  add('clocks', clocks as unknown as Record<string, unknown>);
  add('filesystem', filesystem as unknown as Record<string, unknown>);
  add('io', io as unknown as Record<string, unknown>);
  add('random', random as unknown as Record<string, unknown>);
  base['wasi:cli/stdout'] = { getStdout: () => io.outputStreamCreate(lineSink((t) => log('stdout', t))) };
  base['wasi:cli/stderr'] = { getStderr: () => io.outputStreamCreate(lineSink((t) => log('stderr', t))) };
  base['wasi:cli/exit'] = {
    exit(status: { tag: 'ok' | 'err' }) {
      throw new GuestExit(status.tag === 'ok' ? 0 : 1);
    },
  };
  return base;
}

/** Thrown by `wasi:cli/exit`; the run worker reports it as a normal exit, not a trap. */
export class GuestExit extends Error {
  constructor(readonly code: number) {
    super(`guest exited with code ${code}`);
  }
}

/** A preview2-shim stream handler that emits whole lines (partial lines on flush/drop). */
function lineSink(emit: (line: string) => void) {
  const decoder = new TextDecoder();
  let pending = '';
  const flush = () => {
    pending += decoder.decode();
    if (pending) emit(pending);
    pending = '';
  };
  return {
    write(bytes: Uint8Array) {
      pending += decoder.decode(bytes, { stream: true });
      const lines = pending.split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) emit(line.endsWith('\r') ? line.slice(0, -1) : line);
    },
    flush,
    blockingFlush: flush,
    drop: flush,
  };
}
