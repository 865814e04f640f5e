import { afterEach, describe, expect, it } from 'vitest';
import { loadGuest, refuseWithoutJspi } from './loadGuest';

const wasm = WebAssembly as unknown as Record<string, unknown>;
const saved = { Suspending: wasm.Suspending, promising: wasm.promising };
const js = (text: string) => ({ files: [['guest.js', new TextEncoder().encode(text)]] as [string, Uint8Array][] });

describe('components without JSPI', () => {
  afterEach(() => {
    wasm.Suspending = saved.Suspending;
    wasm.promising = saved.promising;
  });

  it('refuses a WASI 0.3 component with the reason (Node 20 has no JSPI, like a browser without it)', async () => {
    delete wasm.Suspending;
    delete wasm.promising;
    const p3 = js(`({ '[async-lower]open': exports0['0'] }); WebAssembly.promising(exports1['[async-lift]run'])`);
    expect(refuseWithoutJspi(p3)).toMatch(/uses WASI 0\.3 .* needs JSPI \(WebAssembly\.Suspending\)/);
    const artifact = { ...p3, importedInterfaces: [], exportedInterfaces: [], exports: [], asyncImports: [], asyncExports: [] };
    await expect(loadGuest(artifact, {})).rejects.toThrow(/needs JSPI/);
    expect(refuseWithoutJspi(js('export function instantiate() {}'))).toMatch(/^Running components here needs JSPI/);
  });

  it('lets everything through where JSPI exists', () => {
    wasm.Suspending = function Suspending() {};
    wasm.promising = () => undefined;
    expect(refuseWithoutJspi(js(`'[async-lower]open'`))).toBeUndefined();
  });
});
