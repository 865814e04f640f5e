import * as cli from '@bytecodealliance/preview2-shim/cli';
import * as clocks from '@bytecodealliance/preview2-shim/clocks';
import * as random from '@bytecodealliance/preview2-shim/random';
import type { InterfaceImpl } from '../hosts/hostContract';
import { ioHost } from '../hosts/io/index';
import { createInputStream, createOutputStream, createPollable, createTimerPollable } from '../hosts/io/index';
import { createFilesystemBase } from './createFilesystemBase';

type Log = (stream: 'stdout' | 'stderr', text: string) => void;

/**
 * The WASI base interfaces keyed as jco expects ("wasi:cli/stdout"). Everything that hands
 * out streams or pollables uses our `wasi:io` classes (src/hosts/io), because jco checks
 * handles with `instanceof` against the one `wasi:io/streams` class it was given and the
 * blobstore shares them; the stream-free parts (environment, terminals, wall clock,
 * random) come from preview2-shim's browser build. Standard output is routed to the
 * console pane; each `get-stdout` returns a fresh stream because a guest that drops its
 * handle closes it, and a shared stream would then stay closed.
 */
export function createWasiBase(log: Log): Record<string, InterfaceImpl> {
  const io = ioHost.create({} as never) as Record<string, InterfaceImpl>;
  const base: Record<string, InterfaceImpl> = {
    'wasi:io/error': io.error,
    'wasi:io/poll': io.poll,
    'wasi:io/streams': io.streams,
    'wasi:cli/environment': cli.environment as InterfaceImpl,
    'wasi:cli/terminal-input': cli.terminalInput as InterfaceImpl,
    'wasi:cli/terminal-output': cli.terminalOutput as InterfaceImpl,
    'wasi:cli/terminal-stdin': cli.terminalStdin as InterfaceImpl,
    'wasi:cli/terminal-stdout': cli.terminalStdout as InterfaceImpl,
    'wasi:cli/terminal-stderr': cli.terminalStderr as InterfaceImpl,
    'wasi:cli/stdin': { getStdin: () => createInputStream(new Uint8Array(0)) },
    'wasi:cli/stdout': { getStdout: () => createOutputStream(lineSink((t) => log('stdout', t))) },
    'wasi:cli/stderr': { getStderr: () => createOutputStream(lineSink((t) => log('stderr', t))) },
    'wasi:cli/exit': {
      exit(status: { tag: 'ok' | 'err' }) {
        throw new GuestExit(status.tag === 'ok' ? 0 : 1);
      },
    },
    'wasi:clocks/wall-clock': clocks.wallClock as InterfaceImpl,
    'wasi:clocks/monotonic-clock': {
      resolution: () => 1_000_000n,
      now: () => BigInt(Math.floor(performance.now() * 1e6)),
      subscribeDuration: (ns: bigint) => (ns <= 0n ? createPollable() : createTimerPollable(Number(ns / 1_000_000n))),
      subscribeInstant: (at: bigint) => {
        const ns = at - BigInt(Math.floor(performance.now() * 1e6));
        return ns <= 0n ? createPollable() : createTimerPollable(Number(ns / 1_000_000n));
      },
    },
    'wasi:random/random': random.random as InterfaceImpl,
    'wasi:random/insecure': random.insecure as InterfaceImpl,
    'wasi:random/insecure-seed': random.insecureSeed as InterfaceImpl,
    // JS guests (componentize-js) import a filesystem through the preview1 adapter.
    ...createFilesystemBase(),
  };
  return base;
}

/** Thrown by `wasi:cli/exit`; the run worker reports it as a normal exit, not a trap. */
export class GuestExit extends Error {
  constructor(readonly code: number) {
    super(`guest exited with code ${code}`);
  }
}

/** A stream sink that emits whole lines (a partial last line on flush or drop). */
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
    close: flush,
  };
}
