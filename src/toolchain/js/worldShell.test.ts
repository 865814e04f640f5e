import { parse } from '@bytecodealliance/jco-transpile/wasm-tools';
import { describe, expect, it } from 'vitest';
import { replaceCoreModule } from '../replaceCoreModule';
import { coreModules } from './worldShell';

describe('replaceCoreModule', () => {
  it('swaps one core module of a component, size headers rewritten, the rest byte for byte', async () => {
    const component = await parse('(component (core module $a (func (export "f"))) (core module $b (memory 1)))');
    const [first, second] = coreModules(component);
    // A module larger than the one it replaces: its section size needs a longer LEB128.
    const bigger = await parse(`(module (func (export "f")) (data (i32.const 0) "${'x'.repeat(300)}") (memory 1))`);
    const out = replaceCoreModule(component, 0, bigger);
    const [a, b] = coreModules(out);
    expect(Buffer.from(a!).equals(Buffer.from(bigger))).toBe(true);
    expect(Buffer.from(b!).equals(Buffer.from(second!))).toBe(true);
    // Swapping the original back gives the original component.
    expect(Buffer.from(replaceCoreModule(out, 0, first!.slice())).equals(Buffer.from(component))).toBe(true);
    expect(() => replaceCoreModule(component, 2, bigger)).toThrow(/no core module 2/);
  });
});
