// The JS worlds the site ships pre-spliced (scripts/shippedSplicesPlugin.mjs splices them at
// build time): every JS or TS guest of the examples in src/examples, keyed exactly as the build
// worker keys its splice (spliceKey over the analysed WIT, as buildWorker → analyzeWit does for
// a Run of the example, with the engine features every build uses).
import { examples } from '../../examples/index';
import { analyzeWit } from '../analyzeWit';
import { featuresFor } from './snapshotJsGuest';
import { spliceKey, type EngineFeature } from './spliceForWorld';

/** One world to splice at build time. */
export interface ShippedWorld {
  /** spliceKey(witSource, worldName, features): what a build of the example looks up. */
  key: string;
  witSource: string;
  worldName: string;
  features: EngineFeature[];
  /** The examples' guests built against it (for the asset's name and messages). */
  guests: string[];
}

/** Every distinct world of the examples' JS/TS guests, in example order. */
export function listShippedWorlds(): ShippedWorld[] {
  const byKey = new Map<string, ShippedWorld>();
  for (const example of examples) {
    for (const guest of example.guests) {
      if (guest.lang !== 'js' && guest.lang !== 'ts') continue;
      // The page sends the guest's WIT with no world name (web/useRunner.ts), as here.
      const analysis = analyzeWit(guest.wit);
      if (!analysis.ok) throw new Error(`example ${example.id}, guest ${guest.name}: its WIT does not analyse: ${JSON.stringify(analysis.diagnostics)}`);
      const { source, world } = analysis.world;
      // As snapshotJsGuest picks them for a build (a TS guest's types are stripped first; the
      // features never depend on them).
      const features = featuresFor(guest.source);
      const key = spliceKey(source, world, features);
      const known = byKey.get(key);
      if (known) known.guests.push(guest.name);
      else byKey.set(key, { key, witSource: source, worldName: world, features, guests: [guest.name] });
    }
  }
  return [...byKey.values()];
}
