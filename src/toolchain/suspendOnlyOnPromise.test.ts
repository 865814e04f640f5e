import { describe, expect, it } from 'vitest';
import { RETURN_WHEN_READY, returnWhenReady } from './suspendOnlyOnPromise';
import { SYNC_IMPORT_MARK } from './syncImports';

type Trampoline = (...args: unknown[]) => unknown;

/**
 * A trampoline as jco shapes it after lightenJspiGlue, around `host`, turned into its
 * generator form (with `syncable`, also its plain twin for a host marked synchronous).
 */
function trampolineAround(host: () => unknown, log: string[], syncable = false): Trampoline & { wcpSync?: boolean } {
  const text = `
  const _trampoline7 = async function(arg0) {
    log.push('lift ' + arg0);
    let ret;
    try {
      ret = await _trackHostOperation(() => host(arg0))
      ;
    } catch (err) {
      log.push('caught ' + err.message);
      throw err;
    }
    log.push('lower ' + ret);
    return ret + 1;
  }
  _trampoline7.fnName = 'x';
  _trampoline7.manuallyAsync = true;
`;
  const rewritten = returnWhenReady(text, syncable);
  expect(rewritten).toBeDefined();
  expect(rewritten).not.toMatch(/\bawait\b/);
  // eslint-disable-next-line @typescript-eslint/no-implied-eval
  return new Function('host', 'log', `${RETURN_WHEN_READY}const _trackHostOperation = (op) => op();${rewritten}return _trampoline7;`)(host, log) as Trampoline;
}

describe('returnWhenReady', () => {
  it('returns a plain host answer synchronously, after the rest of the trampoline ran', () => {
    const log: string[] = [];
    const t = trampolineAround(() => 41, log);
    expect(t(5)).toBe(42);
    expect(log).toEqual(['lift 5', 'lower 41']);
  });

  it('returns a Promise for a Promise answer and runs the rest after it settles', async () => {
    const log: string[] = [];
    const t = trampolineAround(() => Promise.resolve(9), log);
    const r = t(1);
    expect(r).toBeInstanceOf(Promise);
    expect(log).toEqual(['lift 1']);
    expect(await r).toBe(10);
    expect(log).toEqual(['lift 1', 'lower 9']);
  });

  it('passes a thrown error and a rejection through the trampoline catch, as the await did', async () => {
    const log: string[] = [];
    const sync = trampolineAround(() => {
      throw new Error('now');
    }, log);
    expect(() => sync(2)).toThrow('now');
    const later = trampolineAround(() => Promise.reject(new Error('later')), log);
    await expect(later(3)).rejects.toThrow('later');
    expect(log).toEqual(['lift 2', 'caught now', 'lift 3', 'caught later']);
  });

  it('leaves a trampoline with another await as it is', () => {
    const text = `
  const _trampoline1 = async function() {
    await other();
    let ret = await _trackHostOperation(() => host())
    ;
    return ret;
  }
`;
    expect(returnWhenReady(text)).toBeUndefined();
  });

  describe('a host function marked as answering synchronously', () => {
    const marked = <T extends object>(fn: T): T => Object.assign(fn, { [Symbol.for(SYNC_IMPORT_MARK)]: true });

    it('gets the plain twin: the same steps and result, no generator', () => {
      const log: string[] = [];
      const t = trampolineAround(marked(() => 41), log, true);
      expect(t.wcpSync).toBe(true);
      expect(String(t)).toContain('_wcpSyncAnswer(_trackHostOperation(() => host(arg0)), _trampoline7)');
      expect(String(t)).not.toMatch(/\byield\b/);
      expect(t(5)).toBe(42);
      expect(log).toEqual(['lift 5', 'lower 41']);
    });

    it('turns a Promise answer into a RuntimeError thrown through the trampoline catch', () => {
      const log: string[] = [];
      const t = trampolineAround(marked(() => Promise.resolve(9)), log, true);
      expect(() => t(1)).toThrow(/host function x is marked as answering synchronously but returned a Promise/);
      expect(log).toEqual(['lift 1', 'caught host function x is marked as answering synchronously but returned a Promise; the guest is not suspended for it']);
    });

    it('keeps the generator for a host function that is not marked', async () => {
      const log: string[] = [];
      const t = trampolineAround(() => Promise.resolve(9), log, true);
      expect(t.wcpSync).toBeUndefined();
      expect(await t(1)).toBe(10);
    });
  });
});
