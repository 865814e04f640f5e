/**
 * The task of one light export call (lightenJspiExports.ts), injected into jco's glue next to
 * its intrinsics. It keeps what jco's `AsyncTask` does for a sync-typed, manually-async export
 * of pure WASI 0.2 glue, and nothing else:
 * - the current-task entry `createNewCurrentTask` records (imports' `_suspendingImport` reads
 *   `getCurrentTask(…).task.mayBlock()`; true for a manually-async task, as jco says),
 *   removed by `clearCurrentTask` as `AsyncTask#exit` does;
 * - `AsyncTask#enter`'s component exclusive lock, taken in call order (FIFO when contended),
 *   so calls never overlap or reorder; released once by `done()` (jco's resolve + exit, also
 *   on errors). A free lock is taken without an await, so an uncontended call runs the guest
 *   in the same turn as jco's would after its `await task.enter()`.
 * A new task cannot have been cancelled (nothing holds it yet), holds no borrows (the
 * transform leaves exports that lend them to jco) and has no subtasks (all imports are light).
 * Its id comes from jco's own counter, so it never collides with a task jco creates.
 */
export const LIGHT_EXPORT_TASK = `// wcp: light JSPI export path (src/toolchain/lightenJspiExports.ts, lightExportTask.ts)
class _WcpExportTask {
  #id = ++AsyncTask._ID;
  #componentIdx;
  #entryFnName;
  #done = false;
  entering;
  constructor(componentIdx, entryFnName) {
    this.#componentIdx = componentIdx;
    this.#entryFnName = entryFnName;
    ASYNC_CURRENT_TASK_IDS.push(this.#id);
    ASYNC_CURRENT_COMPONENT_IDXS.push(componentIdx);
    const meta = { id: this.#id, componentIdx, task: this };
    const metas = ASYNC_TASKS_BY_COMPONENT_IDX.get(componentIdx);
    if (metas) metas.push(meta);
    else ASYNC_TASKS_BY_COMPONENT_IDX.set(componentIdx, [meta]);
    const taking = getOrCreateAsyncState(componentIdx).acquireExclusiveLock(this.#id);
    if (taking !== undefined) this.entering = taking;
  }
  id() { return this.#id; }
  componentIdx() { return this.#componentIdx; }
  entryFnName() { return this.#entryFnName; }
  isAsync() { return false; }
  isManualAsync() { return true; }
  isSync() { return true; }
  mayBlock() { return true; }
  hasCallback() { return false; }
  isResolvedState() { return this.#done; }
  isResolved() { return this.#done; }
  isExited() { return this.#done; }
  done() {
    if (this.#done) return;
    this.#done = true;
    getOrCreateAsyncState(this.#componentIdx).exclusiveRelease(this.#id);
    clearCurrentTask(this.#componentIdx, this.#id);
  }
}

`;
