import { HostError, type HostContext, type HostPackage, type InterfaceImpl } from '../../hosts/hostContract';
import { readHostTraceEvent } from './readHostTraceEvent';
import { watchHostWaits } from './watchHostWaits';
import { RESOURCE_KEY, validateFromSandbox, type FromSandbox, type SandboxInterface, type SandboxPackage, type ToSandbox } from './sandboxProtocol';

/**
 * Run-worker side of the host-code sandbox: turns the packages the sandbox describes into
 * ordinary {@link HostPackage}s whose functions post a `call` and return a Promise the
 * sandbox answers — the guest waits on it through JSPI, so it still calls synchronously.
 * Every message from the sandbox is validated; log and trace events are stamped with this
 * run's guest and tab by the caller's `ctx`, never by the host code. With `loading`, the page
 * already sent the `load` (preloadHostCode): only its answer is awaited.
 */
const MAX_BAD_EVENT_REPORTS = 3;

export async function createSandboxedHosts(port: MessagePort, sources: Record<string, string>, ctx: HostContext, loading = false, onWait: (what: string | undefined) => void = () => {}): Promise<HostPackage[]> {
  // What the guest waits on, told to the page once it is long (watchHostWaits.ts).
  const waits = watchHostWaits(onWait);
  const pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: unknown) => void }>();
  const classes = new Map<string, ProxyClass>();
  const instances = new Map<number, object>();
  let nextCall = 1;
  let nextHandle = -1;
  let guestExports: Record<string, unknown> = {};
  // Said for the first few only: a host emitting a bad event per call would bury the console.
  let badEvents = 0;
  let onLoaded: ((msg: Extract<FromSandbox, { type: 'loaded' | 'loadFailed' }>) => void) | undefined;

  const send = (msg: ToSandbox) => port.postMessage(msg);
  const request = (msg: DistributiveOmit<Extract<ToSandbox, { id: number }>, 'id'>): Promise<unknown> =>
    new Promise((resolve, reject) => {
      const id = nextCall++;
      pending.set(id, { resolve, reject });
      // Only a guest's calls: a host's attachExports may drive the guest's exports for the whole
      // run, and a guest looping in one of them must not be blamed on the host code.
      if (msg.type === 'call') waits.begin(id, `${msg.pkg}: ${msg.kind === 'static' ? `${msg.cls}.` : ''}${msg.iface}#${msg.name}`);
      try {
        send({ ...msg, id } as ToSandbox);
      } catch (e) {
        waits.end(id);
        pending.delete(id);
        reject(new Error(`cannot pass these arguments to sandboxed host code: ${e instanceof Error ? e.message : String(e)}`));
      }
    });

  const encode = (v: unknown): unknown => {
    if (!v || typeof v !== 'object') return v;
    const h = (v as { [HANDLE]?: number })[HANDLE];
    if (typeof h === 'number') return { [RESOURCE_KEY]: h };
    if (Array.isArray(v)) return v.map(encode);
    if (Object.getPrototypeOf(v) === Object.prototype) return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, encode(x)]));
    return v;
  };
  const decode = (v: unknown): unknown => {
    if (!v || typeof v !== 'object') return v;
    if (RESOURCE_KEY in v) return instanceFor((v as Record<string, unknown>)[RESOURCE_KEY], (v as { c?: unknown }).c);
    if (Array.isArray(v)) return v.map(decode);
    if (Object.getPrototypeOf(v) === Object.prototype) return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, decode(x)]));
    return v;
  };
  const instanceFor = (h: unknown, key: unknown): object => {
    const Cls = typeof key === 'string' ? classes.get(key) : undefined;
    if (typeof h !== 'number' || !Cls) throw new Error('sandboxed host code returned a resource of an unknown type');
    let obj = instances.get(h);
    if (!obj) {
      obj = Object.create(Cls.prototype) as object;
      (obj as { [HANDLE]?: number })[HANDLE] = h;
      instances.set(h, obj);
    }
    return obj;
  };

  port.onmessage = (ev: MessageEvent<unknown>) => {
    const err = validateFromSandbox(ev.data);
    if (err) return ctx.log('stderr', `[playground] ignored a message from sandboxed host code: ${err}\n`);
    const msg = ev.data as FromSandbox;
    switch (msg.type) {
      case 'loaded':
      case 'loadFailed':
        onLoaded?.(msg);
        break;
      case 'return':
        waits.end(msg.id);
        pending.get(msg.id)?.resolve(decode(msg.value));
        pending.delete(msg.id);
        break;
      case 'throw': {
        waits.end(msg.id);
        const p = pending.get(msg.id);
        pending.delete(msg.id);
        p?.reject(msg.hasPayload ? new HostError(decode(msg.payload), msg.message) : new Error(`host code: ${msg.message}`));
        break;
      }
      case 'log':
        ctx.log(msg.stream, msg.text);
        break;
      case 'emit': {
        const read = readHostTraceEvent(msg.event);
        if ('event' in read) ctx.emit(read.event);
        else if (badEvents++ < MAX_BAD_EVENT_REPORTS) ctx.log('stderr', `[playground] host code emitted a trace event the trace cannot show, so it was left out: ${read.error}${badEvents === MAX_BAD_EVENT_REPORTS ? ' (further ones are left out without a word)' : ''}\n`);
        break;
      }
      case 'guestCall':
        void callGuest(msg);
        break;
    }
  };

  const callGuest = async (msg: Extract<FromSandbox, { type: 'guestCall' }>) => {
    const iface = guestExports[msg.iface] as Record<string, unknown> | undefined;
    const fn = iface && Object.hasOwn(iface, msg.fn) ? iface[msg.fn] : undefined;
    try {
      if (typeof fn !== 'function') throw new Error(`the guest exports no ${msg.iface}#${msg.fn}`);
      const value = await (fn as (...a: unknown[]) => unknown)(...(decode(msg.args) as unknown[]));
      send({ type: 'guestReturn', id: msg.id, ok: true, value: encode(value) });
    } catch (e) {
      send({ type: 'guestReturn', id: msg.id, ok: false, message: e instanceof Error ? e.message : String(e) });
    }
  };

  // Request ids start at 1: 0 is the load (its modules' top level and `create` run in it).
  waits.begin(0, `${Object.keys(sources).join(', ')}: loading, its top level and create`);
  const loaded = await new Promise<SandboxPackage[]>((resolve, reject) => {
    onLoaded = (msg) => (msg.type === 'loaded' ? resolve(msg.packages) : reject(new Error(msg.message)));
    if (!loading) send({ type: 'load', sources, config: ctx.config, tab: ctx.tab });
  }).finally(() => waits.end(0));

  const makeInterface = (pkg: string, iface: string, desc: SandboxInterface): InterfaceImpl => {
    const out: InterfaceImpl = {};
    for (const name of desc.functions) out[name] = (...args: unknown[]) => request({ type: 'call', pkg, iface, name, kind: 'fn', args: encode(args) as unknown[] });
    for (const [cls, res] of Object.entries(desc.resources)) {
      const Cls = proxyClass((args) => {
        const handle = nextHandle--;
        send({ type: 'construct', handle, pkg, iface, cls, args: encode(args) as unknown[] });
        return handle;
      });
      for (const name of res.methods) {
        define(Cls.prototype, name, function (this: { [HANDLE]?: number }, ...args: unknown[]) {
          return request({ type: 'call', pkg, iface, name, kind: 'method', self: this[HANDLE], args: encode(args) as unknown[] });
        });
      }
      for (const name of res.statics) define(Cls, name, (...args: unknown[]) => request({ type: 'call', pkg, iface, name, kind: 'static', cls, args: encode(args) as unknown[] }));
      define(Cls.prototype, DISPOSE, function (this: { [HANDLE]?: number }) {
        const handle = this[HANDLE];
        if (typeof handle !== 'number') return;
        instances.delete(handle);
        send({ type: 'drop', handle });
      });
      classes.set(`${iface}|${cls}`, Cls);
      out[cls] = Cls;
    }
    return out;
  };

  return loaded.map((p) => ({
    id: p.id,
    description: `${p.description} (sandboxed)`,
    create: () => Object.fromEntries(Object.entries(p.interfaces).map(([iface, desc]) => [iface, makeInterface(p.id, iface, desc)])),
    attachExports: p.attaches
      ? async (_ctx: HostContext, exports: Record<string, unknown>) => {
          guestExports = exports;
          const names: Record<string, string[]> = {};
          for (const [iface, obj] of Object.entries(exports)) {
            if (obj && typeof obj === 'object') names[iface] = Object.keys(obj).filter((k) => typeof (obj as Record<string, unknown>)[k] === 'function');
          }
          await request({ type: 'attach', pkg: p.id, exports: names });
        }
      : undefined,
  }));
}

const HANDLE = Symbol('wcp.sandboxHandle');
const DISPOSE: symbol = (Symbol as { dispose?: symbol }).dispose ?? Symbol.for('dispose');

type ProxyClass = { new (...args: unknown[]): object; prototype: object };

/**
 * A real `class` (the tracing wrapper and jco's `instanceof` checks need one) whose
 * constructor asks the sandbox to construct the host object under a handle chosen here:
 * jco calls resource constructors synchronously, so the sandbox cannot pick it.
 */
function proxyClass(construct: (args: unknown[]) => number): ProxyClass {
  return class {
    constructor(...args: unknown[]) {
      (this as { [HANDLE]?: number })[HANDLE] = construct(args);
    }
  };
}

function define(target: object, key: string | symbol, value: unknown): void {
  Object.defineProperty(target, key, { value, writable: true, configurable: true });
}

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
