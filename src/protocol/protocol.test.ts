import { describe, expect, it } from 'vitest';
import { validateBuildRequest, validateBuildResponse } from './buildProtocol';
import { validateRunRequest, validateRunResponse } from './runProtocol';
import { createTraceBatchWriter } from '../trace/encodeTraceBatch';

describe('build protocol', () => {
  it('accepts well-formed requests for every guest language', () => {
    expect(validateBuildRequest({ type: 'build', seq: 1, wit: 'package a:b;', guest: { lang: 'wat', source: '(module)' } })).toBeNull();
    expect(validateBuildRequest({ type: 'build', seq: 2, slot: 'g', wit: '', guest: { lang: 'ts', source: '' } })).toBeNull();
    expect(validateBuildRequest({ type: 'build', seq: 3, wit: '', guest: { lang: 'component', bytes: new Uint8Array(8) } })).toBeNull();
  });

  it('names what is wrong with a malformed request', () => {
    expect(validateBuildRequest(null)).toMatch(/not an object/);
    expect(validateBuildRequest({ type: 'compile', seq: 1 })).toMatch(/unknown type "compile"/);
    expect(validateBuildRequest({ type: 'build', seq: '1', wit: '', guest: { lang: 'wat', source: '' } })).toMatch(/seq must be a number/);
    expect(validateBuildRequest({ type: 'build', seq: 1, wit: '', guest: { lang: 'rust', source: '' } })).toMatch(/wat, js, ts or component/);
    expect(validateBuildRequest({ type: 'build', seq: 1, wit: '', guest: { lang: 'component', bytes: [1, 2] } })).toMatch(/guest.bytes must be a Uint8Array/);
  });

  it('accepts a warm-up with or without initialising the engine, and checks that flag', () => {
    expect(validateBuildRequest({ type: 'warm', wit: '' })).toBeNull();
    expect(validateBuildRequest({ type: 'warm', wit: '', initialize: true })).toBeNull();
    expect(validateBuildRequest({ type: 'warm', wit: '', initialize: 'yes' })).toMatch(/initialize must be a boolean/);
  });

  it('validates replies, including diagnostics positions', () => {
    expect(validateBuildResponse({ type: 'ready', loadMs: 3 })).toBeNull();
    expect(validateBuildResponse({ type: 'failed', seq: 1, diagnostics: [{ file: 'wit', line: 1, column: 2, message: 'x' }] })).toBeNull();
    expect(validateBuildResponse({ type: 'failed', seq: 1, diagnostics: [{ file: 'css', line: 1, column: 2, message: 'x' }] })).toMatch(/file must be one of/);
    expect(validateBuildResponse({ type: 'failed', seq: 1, diagnostics: [], componentWit: 'package root:component;' })).toBeNull();
    expect(validateBuildResponse({ type: 'failed', seq: 1, diagnostics: [], componentWit: 42 })).toMatch(/componentWit must be a string/);
    expect(validateBuildResponse({ type: 'built', seq: 1, artifact: { component: 'nope', files: [], exports: [] } })).toMatch(/component must be a Uint8Array/);
  });
});

describe('run protocol', () => {
  const artifact = { files: [], importedInterfaces: ['wasi:keyvalue/store@0.2.0-draft2'], exportedInterfaces: [], exports: [], asyncImports: [], asyncExports: [] };
  const config = { guest: 'g', namespace: 'ns', subscriptions: ['orders.*'], buckets: [] };

  it('accepts start and call requests', () => {
    expect(validateRunRequest({ type: 'start', seq: 1, artifact, config, call: { name: 'run', args: [] } })).toBeNull();
    expect(validateRunRequest({ type: 'call', seq: 1, call: { name: 'run', args: [1] } })).toBeNull();
    expect(validateRunRequest({ type: 'prepare', files: [['guest.js', new Uint8Array(1)]] })).toBeNull();
    expect(validateRunRequest({ type: 'start', seq: 1, artifact, config, bindingsPrepared: true, sentAt: 1e12 })).toBeNull();
    expect(validateRunRequest({ type: 'recycle', seq: 3 })).toBeNull();
  });

  it('rejects requests that would make the worker misbehave', () => {
    expect(validateRunRequest({ type: 'start', seq: 1, artifact, config: { ...config, subscriptions: 'orders.*' } })).toMatch(/subscriptions must be an array/);
    expect(validateRunRequest({ type: 'start', seq: 1, artifact: { ...artifact, importedInterfaces: [1] }, config })).toMatch(/importedInterfaces\[0\] must be a string/);
    expect(validateRunRequest({ type: 'call', seq: 1, call: { name: 'run' } })).toMatch(/args must be an array/);
    expect(validateRunRequest({ type: 'prepare', files: 'guest.js' })).toMatch(/files must be an array/);
    expect(validateRunRequest({ type: 'start', seq: 1, artifact, config, bindingsPrepared: 'yes' })).toMatch(/bindingsPrepared must be a boolean/);
    expect(validateRunRequest({ type: 'recycle' })).toMatch(/seq must be a number/);
  });

  it('validates every reply kind the watchdog and console rely on', () => {
    for (const msg of [
      { type: 'busy', seq: 1, what: 'run' },
      { type: 'idle', seq: 1 },
      { type: 'log', seq: 1, stream: 'stdout', text: 'hi' },
      { type: 'trace', seq: 1, batch: createTraceBatchWriter('g', 'g:r:').take() },
      { type: 'instantiated', seq: 1, ms: 2, serving: [] },
      { type: 'instantiated', seq: 1, ms: 2, serving: [], runsBefore: 2 },
      { type: 'recycled', seq: 1 },
      { type: 'recycled', seq: 1, refused: true },
      { type: 'result', seq: 1, name: 'run', value: 1, ms: 1 },
      { type: 'result', seq: 1, name: 'run', value: '1', ms: 1, text: '1' },
      { type: 'trap', seq: 1, message: 'unreachable' },
      { type: 'trap', seq: 1, message: 'unreachable', memory: { bytes: 65536, maxBytes: 2 ** 32 } },
      { type: 'memory', seq: 1, bytes: 65536, maxBytes: 2 ** 32 },
    ]) {
      expect(validateRunResponse(msg)).toBeNull();
    }
    expect(validateRunResponse({ type: 'log', seq: 1, stream: 'stdin', text: '' })).toMatch(/stream must be one of stdout, stderr/);
    expect(validateRunResponse({ type: 'recycled', seq: '1' })).toMatch(/seq must be a number/);
    expect(validateRunResponse({ type: 'recycled', seq: 1, refused: 'yes' })).toMatch(/refused must be a boolean/);
    expect(validateRunResponse({ type: 'memory', seq: 1, bytes: 65536 })).toMatch(/maxBytes must be a number/);
    expect(validateRunResponse({ type: 'result', seq: 1, name: 'run', value: '1', ms: 1, text: 1 })).toMatch(/text must be a string/);
    expect(validateRunResponse({ type: 'trap', seq: 1, message: 'x', memory: { bytes: '1', maxBytes: 1 } })).toMatch(/memory.bytes must be a number/);
    expect(validateRunResponse({ type: 'trace', seq: 1, batch: { ...createTraceBatchWriter('g', 'g:r:').take(), strings: [1] } })).toMatch(/strings\[0\] must be a string/);
    expect(validateRunResponse({ type: 'trace', seq: 1, events: [{ id: 'a', kind: 'call' }] })).toMatch(/batch must be an object/);
  });
});
