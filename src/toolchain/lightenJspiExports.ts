import { esc, TASK_ERROR_EXIT, withoutDebugLogs } from './lightenJspiGlue';
import { LIGHT_EXPORT_TASK } from './lightExportTask';

/**
 * A lighter per-call path for the JSPI exports of WASI 0.2 components in the JS that
 * jco-transpile 0.15 `generate` emits with `asyncMode: jspi` (the export side of
 * lightenJspiGlue, which does the imports; run after it).
 *
 * jco wraps every call of a sync-typed ("manually async") export in a component-model task:
 * an `AsyncTask` (about 45 fields, two promise pairs, three closures, a resource-scope
 * entry, BigInt ids), `await task.enter()`, and `resolve` + `exit` with their handler lists,
 * borrow-scope validation and completion promise; its `_debugLog` calls build their argument
 * objects even though logging is off. For a sync-typed export of pure 0.2 glue none of it
 * does anything beyond what `_WcpExportTask` (lightExportTask.ts) keeps: the trapped-instance
 * check, the component's exclusive lock (FIFO, so calls never overlap or reorder), the
 * current-task entry the imports' may-block check reads, the current-task meta, argument
 * lifting, the call, result lifting, the `result` error mapping and `markTrapped`.
 *
 * It applies only when nothing else can reach a task: every JSPI import already has the light
 * path (no live `_lowerImportBackwardsCompat`), every task created in the glue is one of the
 * export wrappers rewritten here, and no export lends a borrow. Every rewrite matches jco's
 * text exactly; otherwise the glue is returned unchanged, and p3 glue always is.
 */
export interface LightenedExports {
  js: string;
  /** Export wrappers given the light path. */
  lightened: string[];
}

const WRAPPER = /\n( *)async function ([A-Za-z_$][\w$]*)\(([^)\n]*)\) \{\n([\s\S]*?)\n\1\}\n/g;

const PROLOGUE = new RegExp(
  '^ *' +
    esc(`
    const hostProvided = false;
    getOrCreateAsyncState(`) +
    '(\\d+)' +
    esc(`).throwIfTrapped();
    
    const [task, _wasm_call_currentTaskID] = createNewCurrentTask({
      componentIdx: `) +
    '\\1' +
    esc(`,
      isAsync: false,
      isManualAsync: true,
      preserveFutureResult: false,
      entryFnName: `) +
    `('[^'\\n]*')` +
    esc(`,
      getCallbackFn: () => null,
      callbackFnName: null,
      errHandling: '`) +
    `[a-z-]+` +
    esc(`',
      callingWasmExport: true,
    });
    task.setCalleeIsAsync(false);
    
    
    const started = await task.enter();
    if (!started) {
      `) +
    // lightenJspiGlue, run before, skips the debug log calls.
    '(?:0 && )?' +
    esc(`_debugLog('[Instruction::AsyncTaskReturn] failed to enter task', {
        taskID: task.id(),
        subtaskID: task.currentSubtask()?.id(),
      });
      throw new Error("failed to enter task");
    }
    
    CURRENT_TASK_MAY_BLOCK.value = task.mayBlock() ? 1 : 0;
    `) +
    `(?:${esc(`
    if (`)}([^\\n]*)${esc(`!== null) {
      task.setReturnMemoryIdx(`)}\\3${esc(`);
      task.setReturnMemory(`)}[^\\n]*${esc(`);
    }
    `)})?` +
    esc(`
    
    return await _withGlobalCurrentTaskMetaAsync({
      taskID: task.id(),
      componentIdx: task.componentIdx(),
      fn: async () => {
        try {`),
);

const EPILOGUE = new RegExp(
  esc(`
        } catch (err) {
          if (!task.isResolvedState()) {
            task.setErrored(err);
            task.reject(err);
          }
          if (!task.isExited()) { task.exit({ skipExclusiveLockCheck: true }); }
          throw err;
        }
      },
    });
    `) + '$',
);

const CALL_ERROR = new RegExp(`(\\n( *)getOrCreateAsyncState\\(\\d+\\)\\.markTrapped\\(err\\);)` + TASK_ERROR_EXIT, 'g');

/** What _WcpExportTask uses of jco's intrinsics. */
const NEEDED = ['class AsyncTask ', 'function createNewCurrentTask(', 'function clearCurrentTask(', 'function getOrCreateAsyncState(', 'const ASYNC_TASKS_BY_COMPONENT_IDX', 'const ASYNC_CURRENT_TASK_IDS', 'const ASYNC_CURRENT_COMPONENT_IDXS', 'const CURRENT_TASK_MAY_BLOCK', 'const CURRENT_TASK_META = {}'];

const RESOLVED = /\n( *)task\.resolve\(\[[^\n]*\]\);\n *task\.exit\(\);\n/g;

/** Rewrites the JSPI exports of pure WASI 0.2 glue as described above; other glue is returned as is. */
export function lightenJspiExports(js: string): LightenedExports {
  const unchanged = { js, lightened: [] };
  if (/\bisAsync: true\b|\bfuncTypeIsAsync: true\b/.test(js) || js.includes('_WcpExportTask')) return unchanged;
  if (NEEDED.some((n) => !js.includes(n))) return unchanged;
  const anchorAt = /\n( *)let gen= \(function\* _initGenerator \(\) \{\n/;
  if (!anchorAt.test(js)) return unchanged;
  // Every JSPI import must already be light: jco's own import path reads the caller's AsyncTask.
  // (lightenJspiGlue keeps jco's lowering only as the never-taken branch after the light one.)
  if (js.split('_lowerImportBackwardsCompat.bind(').length !== js.split(')) : _lowerImportBackwardsCompat.bind(').length) return unchanged;

  const rewrites: { from: string; to: string; name: string }[] = [];
  for (const m of js.matchAll(WRAPPER)) {
    const [whole, indent, name, , body] = m;
    if (!/^\s*const hostProvided = false;\n/.test(body)) continue;
    const light = lightBody(body);
    if (!light) return unchanged;
    rewrites.push({ from: whole, to: `\n${indent}async function ${name}(${m[3]}) {\n${light}\n${indent}}\n`, name });
  }
  if (rewrites.length === 0) return unchanged;
  // Every task the glue creates must be one of those wrappers' (besides jco's import path, dead once the imports are light).
  const creations = js.split('createNewCurrentTask({').length - 1;
  if (creations !== rewrites.length + (js.includes('function _lowerImportBackwardsCompat(') ? 1 : 0)) return unchanged;

  let out = js;
  for (const r of rewrites) {
    const at = out.indexOf(r.from);
    if (at < 0 || out.indexOf(r.from, at + 1) >= 0) return unchanged;
    out = out.slice(0, at) + r.to + out.slice(at + r.from.length);
  }
  // Declared before the instantiation generator, in the scope of jco's intrinsics.
  const anchor = anchorAt.exec(out)!;
  out = out.slice(0, anchor.index) + `\n${LIGHT_EXPORT_TASK}` + out.slice(anchor.index);
  // As lightenJspiGlue does (it already did when there are imports): jco's debug logging is
  // off unless `process.env.JCO_DEBUG`, never in a browser worker, but each call still builds
  // its argument object (clearCurrentTask and the lock calls the light task makes, too).
  out = out.replace(/^(\s*)_debugLog\(/gm, '$10 && _debugLog(');
  return { js: out, lightened: rewrites.map((r) => r.name) };
}

/** The wrapper body with the light task, or undefined when it is not jco's expected shape. */
function lightBody(body: string): string | undefined {
  const pro = PROLOGUE.exec(body);
  if (!pro) return undefined;
  const [, componentIdx, entryFnName] = pro;
  const indent = /\n( *)getOrCreateAsyncState\(/.exec(`\n${body}`)![1];
  const rest = body.slice(pro[0].length);
  const epi = EPILOGUE.exec(rest);
  if (!epi) return undefined;
  const inner = rest.slice(0, epi.index);
  // Exports that lend borrows keep jco's task (its resource scope tracks them).
  if (/rscTableCreateBorrow|addResourceLender|addBorrowedHandle|resourceScopeId/.test(inner)) return undefined;
  let core = inner;
  if ([...core.matchAll(CALL_ERROR)].length !== 1) return undefined;
  core = core.replace(CALL_ERROR, (_, trapped: string, i: string) => `${trapped}\n${i}task.done();\n${i}throw err;`);
  if ([...core.matchAll(RESOLVED)].length !== 1) return undefined;
  core = core.replace(RESOLVED, (_, i: string) => `\n${i}task.done();\n`);
  // What is left of the task: its id and component for the current-task meta, and done().
  const uses = withoutDebugLogs(core).match(/\btask\.\w+/g) ?? [];
  if (uses.some((u) => !['task.id', 'task.componentIdx', 'task.done'].includes(u))) return undefined;
  if (/\b(?:hostProvided|_wasm_call_currentTaskID|createNewCurrentTask|taskID)\b/.test(withoutDebugLogs(core).replace(/taskID: task\.id\(\),/g, ''))) return undefined;
  const i = indent;
  // _withGlobalCurrentTaskMetaAsync inlined (same meta set before and cleared after the call).
  const head =
    `${i}getOrCreateAsyncState(${componentIdx}).throwIfTrapped();\n` +
    `${i}const task = new _WcpExportTask(${componentIdx}, ${entryFnName});\n` +
    `${i}if (task.entering !== undefined) await task.entering;\n` +
    `${i}CURRENT_TASK_MAY_BLOCK.value = 1;\n` +
    `${i}const taskID = task.id();\n` +
    `${i}CURRENT_TASK_META.current = CURRENT_TASK_META[${componentIdx}] = { taskID, componentIdx: ${componentIdx} };\n` +
    `${i}try {\n` +
    `${i}  try {`;
  const tail =
    `\n${i}  } catch (err) {\n${i}    task.done();\n${i}    throw err;\n${i}  }\n` +
    `${i}} finally {\n${i}  CURRENT_TASK_META[${componentIdx}] = null;\n${i}  if (CURRENT_TASK_META.current?.taskID === taskID) CURRENT_TASK_META.current = null;\n${i}}`;
  return head + core + tail;
}

