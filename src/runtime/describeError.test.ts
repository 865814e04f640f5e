import { describe, expect, it } from 'vitest';
import { parse } from '@bytecodealliance/jco-transpile/wasm-tools';
import { BackendUnavailableError } from '../hosts/hostContract';
import { describeError } from './describeError';

describe('describeError', () => {
  it('shows a backend out of reach as its message alone, with no stack', () => {
    const d = describeError(new BackendUnavailableError('cannot connect to the NATS server ws://room.example:8080 (timeout).'));
    expect(d).toEqual({ message: 'cannot connect to the NATS server ws://room.example:8080 (timeout).' });
  });

  it('keeps the name and stack of other errors, and says what a trap is', () => {
    const d = describeError(new TypeError('x is not a function'));
    expect(d.message).toBe('TypeError: x is not a function');
    expect(d.stack).toContain('x is not a function');
    expect(describeError(new WebAssembly.RuntimeError('unreachable')).message).toBe('guest trapped: unreachable');
  });

  it('says a wasm guest that recursed without end overflowed its stack (QA #4c: "RangeError: Maximum call stack size exceeded")', async () => {
    const bytes = await parse('(module (func $f (export "run") (result i64) (call $f)))');
    const run = new WebAssembly.Instance(new WebAssembly.Module(bytes as BufferSource)).exports.run as () => bigint;
    let thrown: unknown;
    try {
      run();
    } catch (e) {
      thrown = e;
    }
    // V8 throws a RangeError, not a WebAssembly.RuntimeError, from within the wasm frames.
    expect(thrown).toBeInstanceOf(RangeError);
    const d = describeError(thrown);
    expect(d.message).toBe('stack overflow: the guest called itself (or nested calls) too deeply: endless recursion?');
    expect(d.stack).toContain('wasm-function[0]');
  });

  it("keeps a stack overflow in JavaScript (a host's, the bindings') as the error it is", () => {
    const recurse = (n: number): number => recurse(n + 1) + 1;
    let thrown: unknown;
    try {
      recurse(0);
    } catch (e) {
      thrown = e;
    }
    expect(describeError(thrown).message).toBe('RangeError: Maximum call stack size exceeded');
  });
});
