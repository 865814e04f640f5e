import type { HostContext, HostPackage, InterfaceImpl } from '../hosts/hostContract';
import { findHostPackage, hostPackages } from '../hosts/registry';
import { applyCallFaults, rngFor } from '../hosts/faults/index';
import { createWasiBase } from './createWasiBase';
import { createWasiBaseP3 } from './createWasiBaseP3';
import { splitInterfaceId } from './witNames';
import { wrapInterface, type CallSink } from './wrapInterface';

/** Packages served by preview2-shim rather than by a playground host. */
const BASE_NAMESPACES = ['wasi:cli', 'wasi:io', 'wasi:clocks', 'wasi:random', 'wasi:filesystem'];

/** `wasi:cli/stdout@0.3.0`, `…@0.3.0-rc-2025-09-16`: the WASI 0.3 base packages. */
function isWasi03(id: string): boolean {
  return splitInterfaceId(id).version.startsWith('0.3.');
}

/** The jco import object for one component plus the host packages that serve it. */
export interface SelectedHosts {
  imports: Record<string, InterfaceImpl>;
  packages: HostPackage[];
}

/**
 * Builds the import object for a component from its imported interface ids. A package
 * the user supplied (a proposal variant edited in the UI) wins over a built-in one.
 * Throws one error naming every import no host serves, so the user sees the whole list.
 */
export async function selectHosts(
  importedInterfaces: string[],
  ctx: HostContext,
  asyncImports: ReadonlySet<string>,
  sink: CallSink,
  custom: HostPackage[] = [],
): Promise<SelectedHosts> {
  const program = ctx.config.cli?.args[0] ?? ctx.config.guest;
  const base = createWasiBase(ctx.log, ctx.config.cli, program);
  // WASI 0.3 base interfaces have other shapes under the same keys (stdout takes a
  // stream<u8>): route by version, made only when the component asks for one.
  let baseP3: Record<string, InterfaceImpl> | undefined;
  const imports: Record<string, InterfaceImpl> = {};
  const created = new Map<string, Record<string, InterfaceImpl>>();
  const packages: HostPackage[] = [];
  const missing: string[] = [];
  // One seeded stream for the whole run so injected call failures are reproducible.
  const faultRng = rngFor(ctx.config.faults?.seed, 'calls');
  for (const id of importedInterfaces) {
    const { pkg, key, iface } = splitInterfaceId(id);
    if (BASE_NAMESPACES.some((ns) => key.startsWith(`${ns}/`))) {
      const served = isWasi03(id) ? (baseP3 ??= createWasiBaseP3(ctx.log, ctx.config.cli, program)) : base;
      if (served[key]) {
        imports[key] = served[key];
        continue;
      }
    }
    const host = custom.find((p) => p.id === pkg) ?? findHostPackage(pkg);
    if (!host) {
      missing.push(id);
      continue;
    }
    // A backend that has not (yet) ported a package names why, e.g. a proposal on NATS.
    const refused = ctx.backend?.refuses(pkg);
    if (refused !== undefined) {
      missing.push(`${id} (${refused})`);
      continue;
    }
    if (!created.has(pkg)) {
      created.set(pkg, await host.create(ctx));
      packages.push(host);
    }
    const impl = created.get(pkg)![iface];
    if (!impl) missing.push(`${id} (package ${pkg} has no interface "${iface}")`);
    // Faults go inside the tracing wrapper, so the traced call shows the injected error.
    else imports[key] = wrapInterface(applyCallFaults({ [key]: impl }, ctx.config.faults, faultRng)[key], { ifaceId: id, asyncImports, sink, traceStart: host.concurrent === true });
  }
  if (missing.length) {
    const known = hostPackages.map((p) => p.id).join(', ');
    throw new Error(`No host for these imports: ${missing.join(', ')}. The playground hosts: ${known}, and wasi:cli, wasi:io, wasi:clocks, wasi:random.`);
  }
  return { imports, packages };
}
