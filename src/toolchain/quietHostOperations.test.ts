import { describe, expect, it } from 'vitest';
import { quietHostOperations } from './quietHostOperations';

/** jco's `_trackHostOperation` as jco-transpile 0.15 emits it, with the intrinsics it needs around it. */
const GLUE = `
    function getOrCreateAsyncState(componentIdx, init) {}
    class ComponentAsyncState {
      suspendedTaskMetas() {
        return this.#suspendedTasksByTaskID.values();
      }
      hasPendingSchedulerWork() {
        return false;
      }
    }
  function _trackHostOperation(operation) {
    const result = operation();
    if (result === null ||
    (typeof result !== 'object' && typeof result !== 'function') ||
    typeof result.then !== 'function') {
      return result;
    }
    
    STORE_ASYNC_STATE.pendingHostOperations++;
    return Promise.resolve(result).finally(() => {
      STORE_ASYNC_STATE.pendingHostOperations--;
      if (STORE_ASYNC_STATE.pendingHostOperations < 0) {
        throw new Error('negative pending host operation count');
      }
      for (const state of ASYNC_STATE.values()) { state.runTickLoop(); }
      _checkForDeadlock();
    });
  }
  
  const isNode = false;
`;

/** Runs the rewritten `_trackHostOperation` against fake scheduler states; returns the timers it started. */
async function settleWith(states: { waiting: boolean; pending: boolean }[]): Promise<string[]> {
  const js = quietHostOperations(GLUE)!;
  const started: string[] = [];
  const ASYNC_STATE = new Map(
    states.map((s, i) => [
      i,
      {
        suspendedTaskMetas: () => (s.waiting ? [{}] : [])[Symbol.iterator](),
        hasPendingSchedulerWork: () => s.pending,
        runTickLoop: () => started.push(`tick${i}`),
      },
    ]),
  );
  const STORE_ASYNC_STATE = { pendingHostOperations: 0 };
  const body = js.slice(js.indexOf('// wcp:'), js.indexOf('const isNode'));
  const track = new Function('ASYNC_STATE', 'STORE_ASYNC_STATE', '_checkForDeadlock', `${body}\nreturn _trackHostOperation;`)(
    ASYNC_STATE,
    STORE_ASYNC_STATE,
    () => started.push('deadlock-check'),
  ) as (op: () => unknown) => Promise<unknown>;
  expect(await track(() => Promise.resolve(7))).toBe(7);
  expect(STORE_ASYNC_STATE.pendingHostOperations).toBe(0);
  expect(track(() => 3)).toBe(3);
  return started;
}

describe('quietHostOperations', () => {
  it('starts no tick loop or deadlock check when no task waits and nothing is pending', async () => {
    expect(await settleWith([{ waiting: false, pending: false }, { waiting: false, pending: false }])).toEqual([]);
  });

  it("keeps jco's timers when any component has a suspended task or pending scheduler work", async () => {
    expect(await settleWith([{ waiting: false, pending: false }, { waiting: true, pending: false }])).toEqual(['tick0', 'tick1', 'deadlock-check']);
    expect(await settleWith([{ waiting: false, pending: true }])).toEqual(['tick0', 'deadlock-check']);
  });

  it('leaves glue it does not recognise, and is applied once', () => {
    expect(quietHostOperations(GLUE.replace('_checkForDeadlock();', '_checkForDeadlock(1);'))).toBeUndefined();
    expect(quietHostOperations(GLUE.replace('hasPendingSchedulerWork() {', 'other() {'))).toBeUndefined();
    expect(quietHostOperations(quietHostOperations(GLUE)!)).toBeUndefined();
  });
});
