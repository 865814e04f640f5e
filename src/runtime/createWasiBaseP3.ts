import * as shim2Cli from '@bytecodealliance/preview2-shim/cli';
import * as shim3Cli from '@bytecodealliance/preview3-shim/cli';
import * as shim3Clocks from '@bytecodealliance/preview3-shim/clocks';
import * as shim3Random from '@bytecodealliance/preview3-shim/random';
import type { CliConfig, InterfaceImpl } from '../hosts/hostContract';
import { GuestExit, lineSink } from './createWasiBase';

type Log = (stream: 'stdout' | 'stderr', text: string) => void;

/**
 * The WASI 0.3 base interfaces (`wasi:cli@0.3.x`, `wasi:clocks@0.3.x`, `wasi:random@0.3.x`),
 * keyed as jco expects ("wasi:cli/stdout"), from the browser build of
 * `@bytecodealliance/preview3-shim`. That shim reads a guest's `stream<u8>` and writes it
 * into preview2-shim's stdout, and takes arguments, environment and stdin from
 * preview2-shim too, so this routes preview2-shim's global handlers to this run's console
 * and Hosts-tab settings. They are module globals: fine, because each guest runs in its
 * own worker. `exit` is ours, so a 0.3 command's exit code reaches the run report the same
 * way a 0.2 command's does.
 */
export function createWasiBaseP3(log: Log, cli?: CliConfig, program = 'guest'): Record<string, InterfaceImpl> {
  shim2Cli._setStdout(consoleHandler(lineSink((t) => log('stdout', t))));
  shim2Cli._setStderr(consoleHandler(lineSink((t) => log('stderr', t))));
  shim2Cli._setStdin(stdinHandler(new TextEncoder().encode(cli?.stdin ?? '')));
  // Programs expect their own name first, as a shell passes it.
  shim2Cli._setArgs(cli?.args.length ? [...cli.args] : [program]);
  shim2Cli._setEnv(Object.fromEntries(cli?.env ?? []));
  return {
    'wasi:cli/environment': shim3Cli.environment as InterfaceImpl,
    'wasi:cli/stdout': shim3Cli.stdout as InterfaceImpl,
    'wasi:cli/stderr': shim3Cli.stderr as InterfaceImpl,
    'wasi:cli/stdin': shim3Cli.stdin as InterfaceImpl,
    // `types` holds only the error-code enum: nothing to call, but jco asks for the key.
    'wasi:cli/types': {},
    'wasi:cli/exit': {
      exit(status: { tag: 'ok' | 'err' }) {
        throw new GuestExit(status.tag === 'ok' ? 0 : 1);
      },
      exitWithCode(code: number) {
        throw new GuestExit(code);
      },
    },
    'wasi:cli/terminal-input': shim3Cli.terminalInput as InterfaceImpl,
    'wasi:cli/terminal-output': shim3Cli.terminalOutput as InterfaceImpl,
    'wasi:cli/terminal-stdin': shim3Cli.terminalStdin as InterfaceImpl,
    'wasi:cli/terminal-stdout': shim3Cli.terminalStdout as InterfaceImpl,
    'wasi:cli/terminal-stderr': shim3Cli.terminalStderr as InterfaceImpl,
    'wasi:clocks/monotonic-clock': shim3Clocks.monotonicClock as InterfaceImpl,
    'wasi:clocks/system-clock': shim3Clocks.systemClock as InterfaceImpl,
    'wasi:clocks/types': shim3Clocks.types as InterfaceImpl,
    'wasi:random/random': shim3Random.random as InterfaceImpl,
    'wasi:random/insecure': shim3Random.insecure as InterfaceImpl,
    'wasi:random/insecure-seed': shim3Random.insecureSeed as InterfaceImpl,
  };
}

/** A preview2-shim output handler writing into one of our line sinks (whole lines to the console). */
function consoleHandler(sink: ReturnType<typeof lineSink>) {
  return {
    write: (bytes: Uint8Array) => sink.write(bytes),
    // preview3-shim flushes once the guest's stream ends: show a partial last line then.
    blockingFlush: () => sink.flush(),
    flush: () => sink.flush(),
    drop: () => sink.close(),
  };
}

/** A preview2-shim input handler over the Hosts-tab stdin text; `closed` once it is read. */
function stdinHandler(bytes: Uint8Array) {
  let at = 0;
  return {
    blockingRead(len: bigint) {
      if (at >= bytes.length) throw { tag: 'closed' };
      const chunk = bytes.slice(at, at + Number(len));
      at += chunk.length;
      return chunk;
    },
  };
}
