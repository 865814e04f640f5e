import type { JsImportName } from '../../protocol/buildProtocol';
import { findWitInterface } from '../../wit/findWitInterface';
import { witParamList, type WitFunction, type WitInterface } from '../../wit/witModel';

const camel = (kebab: string) => kebab.replace(/-([a-z0-9])/g, (_, c: string) => c.toUpperCase());
const pascal = (kebab: string) => camel(kebab).replace(/^./, (c) => c.toUpperCase());
const paramsOf = (f: WitFunction) => witParamList(f.params);

/**
 * What a JavaScript guest can import from interface `iface` (imported as `from`), as the
 * engine's bindings name it: freestanding functions in camelCase, resources as PascalCase
 * classes with their methods, each function with its WIT parameters.
 */
export function jsImportsOf(iface: WitInterface, from: string): JsImportName[] {
  const out: JsImportName[] = [];
  for (const f of iface.functions) if (f.kind === 'freestanding') out.push({ name: camel(f.name), from, params: paramsOf(f) });
  for (const t of iface.types) {
    if (t.kind !== 'resource') continue;
    const methods = iface.functions.filter((f) => f.kind === 'method' && f.resource === t.name).map((f) => ({ name: camel(f.name), params: paramsOf(f) }));
    out.push({ name: pascal(t.name), from, methods });
  }
  return out;
}

/**
 * {@link jsImportsOf} every interface its world imports (`ns:pkg/iface@v` entries of
 * `importedInterfaces`; packages are skipped), from the resolved WIT `worldSource`.
 */
export function listJsImports(worldSource: string, importedInterfaces: readonly string[]): JsImportName[] {
  return importedInterfaces.flatMap((from) => {
    const iface = from.includes('/') ? findWitInterface(worldSource, from) : undefined;
    return iface ? jsImportsOf(iface, from) : [];
  });
}
