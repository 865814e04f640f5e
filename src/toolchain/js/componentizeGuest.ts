// Build-worker entry for JS/TS guests (loaded lazily by src/toolchain/buildWorker.ts).
import type { GuestSource } from '../../protocol/buildProtocol';
import type { WorldAnalysis } from '../analyzeWit';
import { SOURCE_NAME } from './buildInitEnvironment';
import { componentizeJs } from './componentizeInBrowser';
import type { JsToolchainAssets } from './loadJsToolchainAssets';
import { stripTypes } from './stripTypes';

/** Builds a component from a JS or TS guest against the analysed world (WIT with its deps). */
export async function componentizeGuest(
  guest: GuestSource,
  world: WorldAnalysis,
  progress: (stage: string) => void,
  /** Only for Node tests; the worker fetches the engine lazily. */
  assets?: JsToolchainAssets,
): Promise<Uint8Array> {
  if (guest.lang !== 'js' && guest.lang !== 'ts') throw new Error(`componentizeGuest cannot build ${guest.lang} guests`);
  let source = guest.source;
  let mapMessage = (text: string) => text;
  if (guest.lang === 'ts') {
    progress('strip-types');
    const stripped = await stripTypes(source, 'guest.ts');
    if (stripped.errors.length > 0) throw new Error(stripped.errors.join('\n'));
    source = stripped.code;
    mapMessage = (text) => stripped.mapMessage(text, SOURCE_NAME);
  }
  try {
    const { component } = await componentizeJs({
      source,
      witSource: world.source,
      worldName: world.world,
      onProgress: progress,
      assets,
    });
    return component;
  } catch (err) {
    // Engine errors cite "source.js:line:col" in the stripped JS; point them at the TypeScript.
    throw new Error(mapMessage(err instanceof Error ? err.message : String(err)));
  }
}
