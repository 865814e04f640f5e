/**
 * The host-code sandbox worker. It runs as a blob worker inside a `sandbox="allow-scripts"`
 * iframe: an opaque origin, so host code from a link or a file has no IndexedDB, no
 * playground BroadcastChannels and no other workspace to read, and the iframe's CSP allows
 * no network. It talks to the run worker only through the MessagePort it is handed
 * (protocol: sandboxProtocol.ts, validated on the run worker's side).
 *
 * This function is stringified (`sandboxWorkerSource`) and evaluated in the sandbox, so it
 * must not reference anything outside its own body — not even types at runtime.
 */
export function sandboxWorkerMain(): void {
  const RESOURCE_KEY = '$sandboxResource';
  type Msg = Record<string, unknown> & { type: string };
  type Def = { description?: unknown; create?: unknown; attachExports?: unknown };
  class HostError extends Error {
    payload: unknown;
    constructor(payload: unknown, message?: string) {
      super(message ?? (payload && typeof payload === 'object' && 'tag' in payload ? String((payload as { tag: unknown }).tag) : String(payload)));
      this.payload = payload;
    }
  }
  (globalThis as Record<string, unknown>).HostError = HostError;

  const scope = self as unknown as { onmessage: ((ev: MessageEvent) => void) | null };
  let port: MessagePort | undefined;
  const defs = new Map<string, Def>();
  const impls = new Map<string, Record<string, Record<string, unknown>>>();
  /** Resource class → `iface|Name`, so returned instances become handles. */
  const classKeys = new Map<unknown, string>();
  const handles = new Map<number, unknown>();
  const handleOf = new WeakMap<object, number>();
  const failedHandles = new Map<number, unknown>();
  let nextHandle = 1;
  let nextGuestCall = 1;
  const guestCalls = new Map<number, { resolve: (v: unknown) => void; reject: (e: unknown) => void }>();
  let config: unknown;
  let tab: unknown;

  const post = (msg: Msg) => port!.postMessage(msg);
  const errText = (e: unknown) => (e instanceof Error ? e.message : String(e));
  const ctx = () => ({
    config,
    tab,
    log: (stream: unknown, text: unknown) => post({ type: 'log', stream: stream === 'stderr' ? 'stderr' : 'stdout', text: String(text) }),
    emit: (event: unknown) => post({ type: 'emit', event }),
  });

  const isPlain = (v: object) => {
    const proto = Object.getPrototypeOf(v);
    return proto === Object.prototype || proto === null;
  };
  const encode = (v: unknown): unknown => {
    if (!v || typeof v !== 'object') return v;
    const key = classKeys.get((v as { constructor?: unknown }).constructor);
    if (key) {
      let h = handleOf.get(v);
      if (h === undefined) {
        h = nextHandle++;
        handles.set(h, v);
        handleOf.set(v, h);
      }
      return { [RESOURCE_KEY]: h, c: key };
    }
    if (Array.isArray(v)) return v.map(encode);
    if (isPlain(v)) return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, encode(x)]));
    return v;
  };
  const decode = (v: unknown): unknown => {
    if (!v || typeof v !== 'object') return v;
    if (RESOURCE_KEY in v) return resolveHandle((v as Record<string, number>)[RESOURCE_KEY]);
    if (Array.isArray(v)) return v.map(decode);
    if (isPlain(v)) return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, decode(x)]));
    return v;
  };
  const resolveHandle = (h: number): unknown => {
    if (failedHandles.has(h)) throw failedHandles.get(h);
    if (!handles.has(h)) throw new Error(`unknown resource handle ${h}`);
    return handles.get(h);
  };

  const describe = (impl: Record<string, Record<string, unknown>>) => {
    const interfaces: Record<string, { functions: string[]; resources: Record<string, { methods: string[]; statics: string[] }> }> = {};
    for (const [iface, obj] of Object.entries(impl ?? {})) {
      if (!obj || typeof obj !== 'object') continue;
      const desc = { functions: [] as string[], resources: {} as Record<string, { methods: string[]; statics: string[] }> };
      for (const [key, value] of Object.entries(obj)) {
        if (typeof value !== 'function') continue;
        if (!/^[A-Z]/.test(key)) {
          desc.functions.push(key);
          continue;
        }
        classKeys.set(value, `${iface}|${key}`);
        const methods = new Set<string>();
        for (let proto = value.prototype; proto && proto !== Object.prototype; proto = Object.getPrototypeOf(proto)) {
          for (const m of Object.getOwnPropertyNames(proto)) if (m !== 'constructor' && typeof Object.getOwnPropertyDescriptor(proto, m)?.value === 'function') methods.add(m);
        }
        const statics = Object.getOwnPropertyNames(value).filter((s) => typeof Object.getOwnPropertyDescriptor(value, s)?.value === 'function');
        desc.resources[key] = { methods: [...methods], statics };
      }
      interfaces[iface] = desc;
    }
    return interfaces;
  };

  const importModule = async (source: string): Promise<{ default?: Def }> => {
    const url = URL.createObjectURL(new Blob([source], { type: 'text/javascript' }));
    try {
      return (await import(/* @vite-ignore */ url)) as { default?: Def };
    } finally {
      URL.revokeObjectURL(url);
    }
  };

  /**
   * Host modules fetched, parsed and linked ahead (`prepare`), by source text. Each one
   * statically imports a gate module of its own whose top-level await holds its evaluation:
   * none of its code runs until a `load` of the same source opens the gate. In this opaque
   * origin a blob module import costs several process hops (the blob registry, then the blob
   * URL loader): 10–25 ms before the host code's first line on a busy machine.
   */
  const preparedModules = new Map<string, { open: () => void; module: Promise<{ default?: Def }> }>();
  const gates: Record<number, Promise<void>> = {};
  (globalThis as Record<string, unknown>).__wcpHostGates = gates;
  let nextGate = 1;
  const blobUrl = (text: string) => URL.createObjectURL(new Blob([text], { type: 'text/javascript' }));

  const prepare = (msg: Msg) => {
    for (const source of Object.values(msg.sources as Record<string, string>)) {
      // A hashbang must stay the first line, so such a module is imported at load as usual.
      if (typeof source !== 'string' || preparedModules.has(source) || source.startsWith('#!')) continue;
      const n = nextGate++;
      let open!: () => void;
      gates[n] = new Promise<void>((resolve) => (open = resolve));
      const gateUrl = blobUrl(`await globalThis.__wcpHostGates[${n}];\n`);
      // On the module's first line, so the host code's line numbers stay as written.
      const url = blobUrl(`import ${JSON.stringify(gateUrl)};${source}`);
      const module = (import(/* @vite-ignore */ url) as Promise<{ default?: Def }>).finally(() => {
        URL.revokeObjectURL(url);
        URL.revokeObjectURL(gateUrl);
        delete gates[n];
      });
      // Failures surface at `load`, which awaits the same promise.
      module.catch(() => undefined);
      preparedModules.set(source, { open, module });
    }
  };

  /** The module of `source`: the prepared one (its gate opened now), else imported now. */
  const moduleOf = (source: string) => {
    const ahead = preparedModules.get(source);
    if (!ahead) return importModule(source);
    preparedModules.delete(source);
    ahead.open();
    return ahead.module;
  };

  const load = async (msg: Msg) => {
    config = msg.config;
    tab = msg.tab;
    const packages = [];
    for (const [id, source] of Object.entries(msg.sources as Record<string, string>)) {
      try {
        const def = (await moduleOf(source)).default;
        if (!def || typeof def.create !== 'function') throw new Error(`custom host ${id}: the module must \`export default { create(ctx) { ... } }\``);
        defs.set(id, def);
        const impl = (await (def.create as (c: unknown) => unknown).call(def, ctx())) as Record<string, Record<string, unknown>>;
        impls.set(id, impl);
        packages.push({ id, description: typeof def.description === 'string' ? def.description : 'custom host', interfaces: describe(impl), attaches: typeof def.attachExports === 'function' });
      } catch (e) {
        post({ type: 'loadFailed', message: `custom host ${id} failed to load: ${errText(e)}` });
        return;
      }
    }
    post({ type: 'loaded', packages });
  };

  const answer = async (id: number, run: () => unknown) => {
    try {
      const value = encode(await run());
      try {
        post({ type: 'return', id, value });
      } catch (e) {
        post({ type: 'throw', id, hasPayload: false, message: `the host returned a value that cannot leave the sandbox: ${errText(e)}` });
      }
    } catch (e) {
      const hasPayload = !!e && typeof e === 'object' && Object.prototype.hasOwnProperty.call(e, 'payload');
      const message = errText(e);
      try {
        post({ type: 'throw', id, hasPayload, payload: hasPayload ? encode((e as { payload: unknown }).payload) : undefined, message });
      } catch {
        post({ type: 'throw', id, hasPayload: false, message });
      }
    }
  };

  const call = (msg: Msg) => {
    const iface = impls.get(msg.pkg as string)?.[msg.iface as string];
    const args = () => decode(msg.args) as unknown[];
    return answer(msg.id as number, () => {
      if (!iface) throw new Error(`no interface ${String(msg.iface)} in host ${String(msg.pkg)}`);
      const name = msg.name as string;
      if (msg.kind === 'fn') return (iface[name] as (...a: unknown[]) => unknown).apply(iface, args());
      if (msg.kind === 'static') {
        const cls = iface[msg.cls as string] as Record<string, (...a: unknown[]) => unknown>;
        return cls[name].apply(cls, args());
      }
      const self = resolveHandle(msg.self as number) as Record<string, (...a: unknown[]) => unknown>;
      return self[name].apply(self, args());
    });
  };

  const construct = (msg: Msg) => {
    const h = msg.handle as number;
    try {
      const Cls = impls.get(msg.pkg as string)?.[msg.iface as string]?.[msg.cls as string] as new (...a: unknown[]) => object;
      const obj = new Cls(...(decode(msg.args) as unknown[]));
      handles.set(h, obj);
      handleOf.set(obj, h);
    } catch (e) {
      failedHandles.set(h, e);
    }
  };

  const attach = (msg: Msg) => {
    const def = defs.get(msg.pkg as string);
    const exportsProxy: Record<string, unknown> = {};
    for (const [iface, fns] of Object.entries(msg.exports as Record<string, string[]>)) {
      const obj: Record<string, unknown> = {};
      for (const fn of fns) {
        obj[fn] = (...a: unknown[]) =>
          new Promise((resolve, reject) => {
            const id = nextGuestCall++;
            guestCalls.set(id, { resolve, reject });
            post({ type: 'guestCall', id, iface, fn, args: a.map(encode) });
          });
      }
      exportsProxy[iface] = obj;
    }
    return answer(msg.id as number, () => (def?.attachExports as (c: unknown, e: unknown) => unknown).call(def, ctx(), exportsProxy));
  };

  const check = async (msg: Msg) => {
    try {
      await importModule(msg.source as string);
      post({ type: 'checked', id: msg.id });
    } catch (e) {
      post({ type: 'checked', id: msg.id, error: `${e instanceof SyntaxError ? 'syntax error' : 'error'}: ${errText(e)}` });
    }
  };

  const onPortMessage = (ev: MessageEvent) => {
    const msg = ev.data as Msg;
    if (!msg || typeof msg !== 'object') return;
    if (msg.type === 'load') void load(msg);
    else if (msg.type === 'prepare') prepare(msg);
    else if (msg.type === 'call') void call(msg);
    else if (msg.type === 'construct') construct(msg);
    else if (msg.type === 'drop') {
      handles.delete(msg.handle as number);
      failedHandles.delete(msg.handle as number);
    } else if (msg.type === 'attach') void attach(msg);
    else if (msg.type === 'check') void check(msg);
    else if (msg.type === 'guestReturn') {
      const pending = guestCalls.get(msg.id as number);
      guestCalls.delete(msg.id as number);
      if (msg.ok) pending?.resolve(decode(msg.value));
      else pending?.reject(new Error(String(msg.message)));
    }
  };

  scope.onmessage = (ev: MessageEvent) => {
    if (port || !ev.data || ev.data.type !== 'port' || !ev.ports[0]) return;
    port = ev.ports[0];
    port.onmessage = onPortMessage;
  };
}

/** Source text of the sandbox worker, evaluated as a classic script in the sandbox. */
export const sandboxWorkerSource = `(${sandboxWorkerMain.toString()})();\n`;
