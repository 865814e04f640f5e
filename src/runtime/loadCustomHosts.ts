import type { HostPackage } from '../hosts/hostContract';
import { HostError } from '../hosts/hostContract';

/**
 * Benchmarks only (`inWorkerHosts`): evaluates host packages in the run worker itself, as
 * the playground did before the host-code sandbox, so the bench can show what the sandbox
 * costs. The app never uses it: host code runs in `hostSandbox/`. Each source is an ES module whose default export is
 * `{ create(ctx) { return { ifaceName: { fn() {} , Resource: class {} } } } }`; `HostError`
 * is available as a global so the module needs no imports.
 */
export async function loadCustomHosts(sources: Record<string, string>): Promise<HostPackage[]> {
  (globalThis as { HostError?: unknown }).HostError = HostError;
  const out: HostPackage[] = [];
  for (const [id, source] of Object.entries(sources)) {
    const url = URL.createObjectURL(new Blob([source], { type: 'text/javascript' }));
    try {
      const mod = (await import(/* @vite-ignore */ url)) as { default?: Partial<HostPackage> };
      const def = mod.default;
      if (!def || typeof def.create !== 'function') throw new Error(`custom host ${id}: the module must \`export default { create(ctx) { ... } }\``);
      out.push({ id, description: def.description ?? 'custom host', create: def.create.bind(def), attachExports: def.attachExports?.bind(def) });
    } catch (e) {
      throw new Error(`custom host ${id} failed to load: ${e instanceof Error ? e.message : String(e)}`);
    } finally {
      URL.revokeObjectURL(url);
    }
  }
  return out;
}
