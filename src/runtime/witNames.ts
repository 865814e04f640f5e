/** "listKeys" → "list-keys"; "RequestOptions" → "request-options". jco camelCases WIT names. */
export function toKebab(name: string): string {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
    .replace(/([A-Z])([A-Z][a-z])/g, '$1-$2')
    .toLowerCase();
}

/** "wasi:keyvalue/store@0.2.0-draft2" → { pkg: "wasi:keyvalue@0.2.0-draft2", key: "wasi:keyvalue/store", iface: "store" }. */
export function splitInterfaceId(id: string): { pkg: string; key: string; iface: string; version: string } {
  const at = id.indexOf('@');
  const base = at < 0 ? id : id.slice(0, at);
  const version = at < 0 ? '' : id.slice(at + 1);
  const slash = base.indexOf('/');
  const iface = slash < 0 ? '' : base.slice(slash + 1);
  const pkgBase = slash < 0 ? base : base.slice(0, slash);
  return { pkg: version ? `${pkgBase}@${version}` : pkgBase, key: base, iface, version };
}

/**
 * `wasi:cli/run@0.2.x` or `@0.3.x`, any patch version (toolchains stamp the one they were
 * built with; 0.3 release candidates carry a suffix such as `0.3.0-rc-2025-09-16`).
 */
export function isCliRun(iface: string): boolean {
  return /^wasi:cli\/run@0\.[23]\.\d+(-[\w.-]+)?$/.test(iface);
}

/**
 * The exported interfaces hosts drive (handlers, watchers): a guest exporting any of them
 * serves after its call. A command's `wasi:cli/run` is called once and serves nothing.
 */
export function servedInterfaces(exportedInterfaces: readonly string[]): string[] {
  return exportedInterfaces.filter((id) => !isCliRun(id));
}

const P3_HANDLER = /^proposal:messaging-p3\/incoming-handler@0\.1\./;

/**
 * Whether a serving guest's worker may be handed to a later run once the guest is stopped
 * while idle: every interface it serves is a message handler, whose delivery ends with the
 * run (deliverMessages registers its stop with atRunEnd; buses and the NATS connection are
 * closed). A WASI 0.3 handler's worker is handed on only if no task of it is left either
 * (the worker checks: runWorker's recycle, toolchain/exposeAsyncTasks.ts). Watchers (a Web
 * Lock held for the worker's life) keep their worker until it is terminated.
 */
export function recyclesWhenStopped(exportedInterfaces: readonly string[]): boolean {
  const served = servedInterfaces(exportedInterfaces);
  return served.length > 0 && served.every((id) => /^(wasi:messaging\/incoming-handler@0\.2\.|wasmcloud:messaging\/handler@0\.2\.)/.test(id) || P3_HANDLER.test(id));
}

/** Whether the guest serves the proposed WASI 0.3 message handler (its tasks may outlive its calls). */
export function servesP3Handler(exportedInterfaces: readonly string[]): boolean {
  return exportedInterfaces.some((id) => P3_HANDLER.test(id));
}

/** The call Run makes for a command component (`wasi:cli/run@0.2.x#run`), if it exports one. */
export function cliRunCall(exportedInterfaces: readonly string[]): string | undefined {
  const iface = exportedInterfaces.find(isCliRun);
  return iface ? `${iface}#run` : undefined;
}
