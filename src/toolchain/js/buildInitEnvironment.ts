// The environment componentize-js hands to Wizer, rebuilt for createPreview1: the engine reads
// export/import signatures from env vars and its own arguments from stdin, and loads the user's
// module plus the generated bindings from a preopened directory.
import type { Preview1Options } from './createPreview1';
import { guardListArguments } from './guardListArguments';
import type { SplicedWorld } from './spliceForWorld';

/** File name the guest source gets inside the engine (appears in JS stack traces). */
export const SOURCE_NAME = 'source.js';
const INITIALIZER_NAME = 'initializer.js';

/** Mirrors the env/args/preopens of componentize-js 0.23 `componentize()` for one build. */
export function buildInitEnvironment(
  world: Pick<SplicedWorld, 'exports' | 'imports' | 'features' | 'jsBindings'>,
  source: string,
  onOutput: (fd: 1 | 2, text: string) => void,
): Preview1Options {
  const env: Record<string, string> = {
    DEBUG: '',
    SOURCE_NAME,
    EXPORT_CNT: String(world.exports.length),
    FEATURE_CLOCKS: world.features.includes('clocks') ? '1' : '',
  };
  world.exports.forEach(([name, fn], idx) => {
    env[`EXPORT${idx}_NAME`] = name;
    env[`EXPORT${idx}_ARGS`] = (fn.paramptr ? '*' : '') + fn.params.join(',');
    env[`EXPORT${idx}_RET`] = (fn.retptr ? '*' : '') + (fn.ret ?? '');
    env[`EXPORT${idx}_RETSIZE`] = String(fn.retsize);
  });
  world.imports.forEach(([, name, argCount], idx) => {
    env[`IMPORT${idx}_NAME`] = name;
    env[`IMPORT${idx}_ARGCNT`] = String(argCount);
  });
  env.IMPORT_CNT = String(world.imports.length);

  const encoder = new TextEncoder();
  const args = `--initializer-script-path /${INITIALIZER_NAME} --strip-path-prefix / ${SOURCE_NAME}`;
  return {
    args: [],
    env,
    stdin: encoder.encode(args),
    preopens: {
      '/': { [SOURCE_NAME]: encoder.encode(source), [INITIALIZER_NAME]: encoder.encode(guardListArguments(world.jsBindings)) },
    },
    onOutput,
  };
}
