// The splices shipped with the site are listed by listShippedWorlds (the build's plugin splices
// exactly those, under those keys). Every example's JS/TS guest must find its world there under
// the very key its build looks up, or an example would silently fall back to splicing in the page.
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { examples } from '../../examples/index';
import { analyzeWit } from '../analyzeWit';
import { listShippedWorlds } from './listShippedWorlds';
import { COMPONENTIZE_JS_VERSION } from './loadJsToolchainAssets';
import { featuresFor } from './snapshotJsGuest';
import { spliceForWorld } from './spliceForWorld';

/** The key spliceForWorld asks the shipped splices for, for a build of this guest (it stops there). */
async function keyAskedFor(wit: string, source: string): Promise<string | undefined> {
  // As the build worker: the page sends the guest's WIT and no world name (web/useRunner.ts).
  const analysis = analyzeWit(wit);
  if (!analysis.ok) throw new Error(JSON.stringify(analysis.diagnostics));
  let asked: string | undefined;
  const lookupOnly = {
    persist: false,
    findShipped: async (key: string) => void (asked = key),
    load: async () => {
      throw new Error('stop: only the lookup is under test');
    },
  };
  await expect(spliceForWorld(lookupOnly, analysis.world.source, analysis.world.world, featuresFor(source))).rejects.toThrow(/stop/);
  return asked;
}

describe('shipped splices', () => {
  it('cover every JS and TS guest of the examples, under the exact key its build looks up', async () => {
    const shipped = listShippedWorlds();
    const keys = new Set(shipped.map((w) => w.key));
    const guests = examples.flatMap((e) => e.guests.filter((g) => g.lang === 'js' || g.lang === 'ts').map((g) => ({ id: `${e.id}/${g.name}`, g })));
    expect(guests.length).toBeGreaterThan(0);
    const used = new Set<string>();
    for (const { id, g } of guests) {
      const asked = await keyAskedFor(g.wit, g.source);
      expect(asked, id).toBeDefined();
      expect(keys.has(asked!), `${id}: its build's key is not shipped`).toBe(true);
      used.add(asked!);
    }
    // Nothing shipped that no example builds, and one splice per distinct world.
    expect([...keys].sort()).toEqual([...used].sort());
    expect(shipped.length).toBe(keys.size);
  });

  it('are stamped with the componentize-js whose engine the site serves', async () => {
    // The plugin stamps each splice with the installed package's version and the worker only
    // takes splices whose stamp is COMPONENTIZE_JS_VERSION: the two must agree.
    const pkg = JSON.parse(await readFile(new URL('../../../node_modules/@bytecodealliance/componentize-js/package.json', import.meta.url), 'utf8')) as { version: string };
    expect(pkg.version).toBe(COMPONENTIZE_JS_VERSION);
  });
});
