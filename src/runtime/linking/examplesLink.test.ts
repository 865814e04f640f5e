import { describe, expect, it } from 'vitest';
import { examples } from '../../examples/index';
import { analyzeWit } from '../../toolchain/analyzeWit';
import { cliRunCall } from '../witNames';
import { planLinks } from './planLinks';

/** The plan Run makes for an example, from the same WIT analysis the build uses (implied imports included). */
function planOfExample(id: string) {
  const ex = examples.find((e) => e.id === id)!;
  return planLinks(
    ex.guests.map((g) => {
      const a = analyzeWit(g.wit);
      if (!a.ok) throw new Error(`${id}/${g.name}: ${JSON.stringify(a.diagnostics)}`);
      return { name: g.name, imports: a.world.importedInterfaces, exports: a.world.exportedInterfaces, called: g.call !== undefined || cliRunCall(a.world.exportedInterfaces) !== undefined };
    }),
  );
}

describe('linking the shipped examples', () => {
  it('links the middleware example: notes → kv-namespace → host, kv-namespace not started alone', () => {
    const r = planOfExample('kv-namespace-middleware');
    expect(r.ok && r.plan).toEqual({
      links: [{ consumer: 'notes', iface: 'wasi:keyvalue/store@0.2.0-draft2', provider: 'kv-namespace' }],
      servedBy: { 'kv-namespace': {}, notes: { 'wasi:keyvalue/store@0.2.0-draft2': 'kv-namespace' } },
      providers: { notes: ['kv-namespace'] },
      linkedOnly: ['kv-namespace'],
    });
  });

  it('links no guest to another in any other example (they run exactly as before)', () => {
    for (const ex of examples.filter((e) => e.id !== 'kv-namespace-middleware')) {
      const r = planOfExample(ex.id);
      expect(r.ok ? r.plan.links : r.errors, ex.id).toEqual([]);
    }
  });
});
