import { afterEach, describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import ordersProducerWat from '../examples/messaging/ordersProducer.wat?raw';
import ordersProducerWit from '../examples/messaging/ordersProducer.wit?raw';
import { lightenJspiGlue } from './lightenJspiGlue';
import { hostFnOf, SYNC_IMPORT_MARK } from './syncImports';
import { generateGlue } from './loadGlue.testing';

const MARK = Symbol.for(SYNC_IMPORT_MARK);
const mark = <T extends object>(fn: T): T => Object.assign(fn, { [MARK]: true });

describe('hostFnOf', () => {
  it('names the host function the way the trampoline calls it', () => {
    expect(hostFnOf('send(rsc0, result1, rsc2)', '')).toBe('send');
    expect(hostFnOf('new Message(result0)', '')).toBe('Message');
    expect(hostFnOf('Client.connect(result0)', '')).toBe('Client.connect');
    expect(hostFnOf('rsc0.receive(arg1 >>> 0)', '\n  rsc0 = Object.create(Consumer.prototype);\n')).toBe('Consumer.prototype.receive');
  });

  it('gives up on shapes it does not know, or names declared inside the trampoline', () => {
    expect(hostFnOf('rsc0.receive(arg1)', 'no lift of rsc0 here')).toBeUndefined();
    expect(hostFnOf('this.#readFn(x)', '')).toBeUndefined();
    expect(hostFnOf('(0, f)(x)', '')).toBeUndefined();
    expect(hostFnOf('send(x)', '\n  const send = other;\n')).toBeUndefined();
  });
});

async function producerGlue() {
  const { js, modules: files } = await generateGlue(ordersProducerWit, ordersProducerWat);
  const modules = new Map([...files].map(([n, b]) => [n, new WebAssembly.Module(b as BufferSource)]));
  return { js, modules };
}

type Instantiate = (getCore: (n: string) => WebAssembly.Module, imports: Record<string, unknown>) => Promise<{ run(): Promise<number> | number }>;

/** The light glue of the orders producer, loaded as a module. */
async function loadLight(): Promise<{ instantiate: Instantiate; modules: Map<string, WebAssembly.Module>; js: string }> {
  const { js, modules } = await producerGlue();
  const light = lightenJspiGlue(js).js;
  const file = join(mkdtempSync(join(tmpdir(), 'wcp-sync-imports-')), 'glue.mjs');
  writeFileSync(file, light);
  const mod = (await import(/* @vite-ignore */ pathToFileURL(file).href)) as { instantiate: Instantiate };
  return { instantiate: mod.instantiate, modules, js: light };
}

/** Host imports of the producer; `markAll` marks every function (and class) synchronous. */
function hosts(log: string[], markAll: boolean, sendAnswer: () => unknown = () => undefined) {
  const m = markAll ? mark : <T extends object>(fn: T) => fn;
  class Client {
    static connect(name: string) { log.push(`connect ${name}`); return new Client(); }
  }
  class Message {
    constructor(readonly data: Uint8Array) {}
    setContentType(t: string) { log.push(`type ${t}`); }
    addMetadata(k: string, v: string) { log.push(`meta ${k}=${v}`); }
  }
  class OutputStream {
    blockingWriteAndFlush(bytes: Uint8Array) { log.push(`out ${new TextDecoder().decode(bytes).trim()}`); }
  }
  m(Client.connect); m(Message); m(Message.prototype.setContentType); m(Message.prototype.addMetadata); m(OutputStream.prototype.blockingWriteAndFlush);
  const send = m((_c: unknown, topic: string) => { log.push(`send ${topic}`); return sendAnswer(); });
  const getStdout = m(() => new OutputStream());
  return {
    'wasi:messaging/types': { Client, Message },
    'wasi:messaging/producer': { send },
    'wasi:cli/stdout': { getStdout },
    'wasi:io/streams': { OutputStream },
    'wasi:io/error': { Error: class {} },
  };
}

describe('plain imports for synchronous hosts (light glue, instantiated)', () => {
  const wasm = WebAssembly as unknown as Record<string, unknown>;
  const saved = { Suspending: wasm.Suspending, promising: wasm.promising };
  let suspending = 0;
  const stubJspi = () => {
    suspending = 0;
    // Node has no JSPI: a stub that counts the imports given the Suspending path.
    wasm.Suspending = function (fn: unknown) { suspending++; return fn; };
    wasm.promising = (fn: (...a: unknown[]) => unknown) => (...a: unknown[]) => Promise.resolve(fn(...a));
  };
  afterEach(() => Object.assign(wasm, saved));

  it('imports every marked host function without WebAssembly.Suspending and runs the guest without a suspension', async () => {
    const { instantiate, modules } = await loadLight();
    stubJspi();
    const log: string[] = [];
    const guest = await instantiate((n) => modules.get(n)!, hosts(log, true));
    expect(suspending).toBe(0);
    expect(await guest.run()).toBe(3);
    expect(log.filter((l) => l.startsWith('send '))).toEqual(['send orders.created', 'send orders.paid', 'send orders.shipped']);
    expect(log[0]).toBe('connect orders-app');
  }, 60_000);

  it('keeps WebAssembly.Suspending for every import whose host function is not marked', async () => {
    const { instantiate, modules, js } = await loadLight();
    stubJspi();
    await instantiate((n) => modules.get(n)!, hosts([], false));
    expect(suspending).toBe(js.split('_wcpSuspendUnlessSync(0, _wcpLightLower(').length - 1);
    expect(suspending).toBeGreaterThanOrEqual(6);
  }, 60_000);

  it('fails the call with a clear error when a marked host function returns a Promise', async () => {
    const { instantiate, modules } = await loadLight();
    stubJspi();
    const log: string[] = [];
    const guest = await instantiate((n) => modules.get(n)!, hosts(log, true, () => Promise.reject(new Error('late'))));
    await expect(Promise.resolve().then(() => guest.run())).rejects.toThrow(/host function wasi:messaging\/producer@[^#]*#send is marked as answering synchronously but returned a Promise/);
    // The guest stopped at the first send: nothing after it ran.
    expect(log.filter((l) => l.startsWith('send '))).toEqual(['send orders.created']);
    // The component is trapped: it cannot be entered again.
    await expect(Promise.resolve().then(() => guest.run())).rejects.toThrow(/cannot enter component instance|trap/);
  }, 60_000);
});
