import type { JsImportName } from '../../protocol/buildProtocol';
import { findWitInterface } from '../../wit/findWitInterface';
import type { WitFunction } from '../../wit/witModel';

const camel = (kebab: string) => kebab.replace(/-([a-z0-9])/g, (_, c: string) => c.toUpperCase());
const pascal = (kebab: string) => camel(kebab).replace(/^./, (c) => c.toUpperCase());

/**
 * What a JavaScript guest can import from each interface its world imports (`ns:pkg/iface@v`
 * entries of `importedInterfaces`; packages are skipped), from the resolved WIT `worldSource`:
 * freestanding functions in camelCase, resources as PascalCase classes with their methods,
 * each function with its WIT parameters.
 */
export function listJsImports(worldSource: string, importedInterfaces: readonly string[]): JsImportName[] {
  const out: JsImportName[] = [];
  for (const from of importedInterfaces) {
    if (!from.includes('/')) continue;
    const iface = findWitInterface(worldSource, from);
    if (!iface) continue;
    const params = (f: WitFunction) => f.params.map((p) => `${p.name}: ${p.type}`).join(', ');
    for (const f of iface.functions) if (f.kind === 'freestanding') out.push({ name: camel(f.name), from, params: params(f) });
    for (const t of iface.types) {
      if (t.kind !== 'resource') continue;
      const methods = iface.functions.filter((f) => f.kind === 'method' && f.resource === t.name).map((f) => ({ name: camel(f.name), params: params(f) }));
      out.push({ name: pascal(t.name), from, methods });
    }
  }
  return out;
}
