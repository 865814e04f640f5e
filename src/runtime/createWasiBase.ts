import * as shimCli from '@bytecodealliance/preview2-shim/cli';
import * as clocks from '@bytecodealliance/preview2-shim/clocks';
import * as random from '@bytecodealliance/preview2-shim/random';
import type { CliConfig, InterfaceImpl } from '../hosts/hostContract';
import { ioHost } from '../hosts/io/index';
import { bytesSource, createInputStream, createOutputStream, createPollable, createTimerPollable } from '../hosts/io/index';
import { createFilesystemBase } from './createFilesystemBase';
import { sampleGuestMemory } from './guestMemory';

type Log = (stream: 'stdout' | 'stderr', text: string) => void;

/**
 * The WASI base interfaces keyed as jco expects ("wasi:cli/stdout"). Everything that hands
 * out streams or pollables uses our `wasi:io` classes (src/hosts/io), because jco checks
 * handles with `instanceof` against the one `wasi:io/streams` class it was given and the
 * blobstore shares them; the stream-free parts (environment, terminals, wall clock,
 * random) come from preview2-shim's browser build. Standard output is routed to the
 * console pane; each `get-stdout` returns a fresh stream because a guest that drops its
 * handle closes it, and a shared stream would then stay closed. Arguments, environment and
 * stdin come from the guest's Hosts-tab settings (`cli`); programs expect their own name as
 * the first argument, so an empty list still yields `[program]`.
 */
export function createWasiBase(log: Log, cli?: CliConfig, program = 'guest'): Record<string, InterfaceImpl> {
  const io = ioHost.create({} as never) as Record<string, InterfaceImpl>;
  const stdin = bytesSource(new TextEncoder().encode(cli?.stdin ?? ''));
  const stdout = withHeartbeat(lineSink((t) => log('stdout', t)));
  const stderr = withHeartbeat(lineSink((t) => log('stderr', t)));
  const base: Record<string, InterfaceImpl> = {
    'wasi:io/error': io.error,
    'wasi:io/poll': io.poll,
    'wasi:io/streams': io.streams,
    'wasi:cli/environment': {
      getArguments: () => (cli?.args.length ? [...cli.args] : [program]),
      getEnvironment: () => (cli?.env ?? []).map(([k, v]) => [k, v]),
      initialCwd: () => undefined,
    },
    'wasi:cli/terminal-input': shimCli.terminalInput as InterfaceImpl,
    'wasi:cli/terminal-output': shimCli.terminalOutput as InterfaceImpl,
    'wasi:cli/terminal-stdin': shimCli.terminalStdin as InterfaceImpl,
    'wasi:cli/terminal-stdout': shimCli.terminalStdout as InterfaceImpl,
    'wasi:cli/terminal-stderr': shimCli.terminalStderr as InterfaceImpl,
    // Fresh streams over one read position: a guest asking twice must not read the text twice.
    'wasi:cli/stdin': { getStdin: () => createInputStream({ read: (n) => stdin.read(n), skip: (n) => stdin.skip!(n) }) },
    // Fresh streams over one line buffer per output: the newline after a flushed partial line
    // may come through another get-stdout handle.
    'wasi:cli/stdout': { getStdout: () => createOutputStream(stdout) },
    'wasi:cli/stderr': { getStderr: () => createOutputStream(stderr) },
    'wasi:cli/exit': {
      exit(status: { tag: 'ok' | 'err' }) {
        throw new GuestExit(status.tag === 'ok' ? 0 : 1);
      },
      // @unstable(feature = cli-exit-with-code) in 0.2.x, used by some toolchains.
      exitWithCode(code: number) {
        throw new GuestExit(code);
      },
    },
    // Both clocks are heartbeats of a busy guest (guestMemory.ts): the JavaScript engine's
    // garbage collector reads the monotonic one, Date.now() the wall clock.
    'wasi:clocks/wall-clock': {
      ...(clocks.wallClock as InterfaceImpl),
      now: () => {
        sampleGuestMemory(performance.now());
        return clocks.wallClock.now();
      },
    },
    'wasi:clocks/monotonic-clock': {
      resolution: () => 1_000_000n,
      now: () => {
        const t = performance.now();
        sampleGuestMemory(t);
        return BigInt(Math.floor(t * 1e6));
      },
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

/** A sink whose writes are heartbeats of a busy guest too (guestMemory.ts): a guest that prints is not busy in its own code alone. */
function withHeartbeat<S extends { write(bytes: Uint8Array): void }>(sink: S): S {
  return {
    ...sink,
    write(bytes: Uint8Array) {
      sampleGuestMemory(performance.now(), true);
      sink.write(bytes);
    },
  };
}

/**
 * A stream sink that emits whole lines (a partial last line on flush or drop). A flushed
 * partial line is shown at once (a prompt), and the newline that completes it — which
 * componentize-js's console.log writes and flushes on its own — ends that line instead of
 * adding an empty one.
 */
export function lineSink(emit: (line: string) => void) {
  const decoder = new TextDecoder();
  let pending = '';
  let openLine = false;
  const flush = () => {
    pending += decoder.decode();
    if (pending) {
      emit(pending);
      openLine = true;
    }
    pending = '';
  };
  return {
    write(bytes: Uint8Array) {
      pending += decoder.decode(bytes, { stream: true });
      if (openLine && pending) {
        if (pending.startsWith('\r\n')) pending = pending.slice(2);
        else if (pending.startsWith('\n')) pending = pending.slice(1);
        openLine = false;
      }
      const lines = pending.split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) emit(line.endsWith('\r') ? line.slice(0, -1) : line);
    },
    flush,
    close: flush,
  };
}
