import { lowerFaster } from './fastLowering';
import { quietHostOperations } from './quietHostOperations';
import { RETURN_WHEN_READY, returnWhenReady, suspendOnlyOnPromise } from './suspendOnlyOnPromise';

/**
 * A lighter per-call path for the JSPI imports of WASI 0.2 components in the JS that
 * jco-transpile 0.15 `generate` emits with `asyncMode: jspi`.
 *
 * jco routes every JSPI ("manually async") import of a sync-ABI function through its
 * component-model task machinery: `_lowerImportBackwardsCompat` creates a subtask (a Waitable,
 * a handle-table entry, two target strings), defers the call to a microtask and waits on a
 * second promise for the subtask's result; the import's trampoline then creates a host task
 * (registered in the per-component task list), enters it, wraps the host call in
 * `_withGlobalCurrentTaskMetaAsync`, and resolves and exits it. About 20 `_debugLog` calls
 * allocate their argument objects even though logging is off. None of that does anything
 * for a sync-lowered, sync-typed function: no waitable is ever waited on, no event delivered.
 *
 * For glue with no component-model async at all (no `isAsync: true` or
 * `funcTypeIsAsync: true` anywhere: a pure 0.2 component) each such import is rewritten to
 * call its trampoline directly, and the trampoline to call the host directly. What stays:
 * `_suspendingImport` (may-block check, current-task save/restore around the suspension),
 * `_checkMayLeave` (no re-entry), `_trackHostOperation` (the pending-host-operation count the
 * deadlock check reads), argument lifting, borrow release, result lowering, the
 * `result`-returning error mapping and `markTrapped`; a settled host call starts jco's tick
 * loop and deadlock check only while some task waits (quietHostOperations.ts). A host error of a function without
 * `result` is rethrown as the original path ends up doing (the guest traps with it).
 *
 * A host function that answers with a plain value then returns without jco's async glue
 * (suspendOnlyOnPromise.ts), and one marked as always answering synchronously is imported
 * without `WebAssembly.Suspending` at all, decided at instantiate time (syncImports.ts).
 *
 * Every rewrite matches jco's text exactly; a trampoline whose code differs in any way from
 * what this expects is left as generated, and p3 glue is returned unchanged.
 */
export interface LightenedGlue {
  js: string;
  /** Trampolines given the light path. */
  lightened: string[];
}

/** The trampoline prologue jco emits for a host-provided sync import (entry name and error handling vary). */
const PROLOGUE = new RegExp(
  '^' +
    esc(`    const hostProvided = true;
    
    let parentTask;
    let task;
    let subtask;
    
    const createTask = () => {
      const results = createNewCurrentTask({
        componentIdx: -1,
        isAsync: false,
        entryFnName: `) +
    `'[^'\\n]*'` +
    esc(`,
        getCallbackFn: () => null,
        callbackFnName: null,
        errHandling: `) +
    `'(?:none|result-catch-handler)'` +
    esc(`,
        callingWasmExport: false,
      });
      task = results[0];
    };
    
    taskCreation: {
      parentTask = getCurrentTask(
      `) +
    '(\\d+)' +
    esc(`,
      _getGlobalCurrentTaskMeta(`) +
    '\\1' +
    esc(`)?.taskID,
      )?.task;
      
      if (!parentTask) {
        createTask();
        break taskCreation;
      }
      
      createTask();
      
      if (hostProvided) {
        subtask = parentTask.getLatestSubtask();
        if (!subtask) {
          throw new Error(\`Missing subtask (in parent task [\${parentTask.id()}]) for host import, has the import been lowered? (ensure asyncImports are set properly)\`);
        }
        task.setParentSubtask(subtask);
      }
    }
    
    
    const started = await task.enter({ isHost: hostProvided });
    if (!started) {
      _debugLog('[Instruction::CallInterface] failed to enter task', {
        taskID: task.id(),
        subtaskID: task.getParentSubtask()?.id(),
      });
      throw new Error("failed to enter task");
    }
`),
);

const HOST_CALL = new RegExp(
  esc(`await  _withGlobalCurrentTaskMetaAsync({
        componentIdx: task.componentIdx(),
        taskID: task.id(),
        fn: () => _trackHostOperation(() => `) +
    '([^\\n]*)' +
    esc(`),
      })`),
  'g',
);

/** Regex source of jco's error exit from a task (also matched by lightenJspiExports.ts). */
export const TASK_ERROR_EXIT = esc(`
      task.setErrored(err);
      task.reject(err);
      task.exit();
      return task.completionPromise();`);

const ERROR_EXIT = new RegExp(TASK_ERROR_EXIT, 'g');

const EPILOGUE = /\n *task\.resolve\(\[([^\n]*)\]\);\n *task\.exit\(\);(?:\n *return ([^\n]*);)?$/;

const TRAMPOLINE = /\n( *)const (_trampoline\d+) = async function\(([^)\n]*)\) \{\n([\s\S]*?)\n\1\}\n\1\2\.fnName = '[^'\n]*';\n\1\2\.manuallyAsync = true;\n/g;

const LOWERING =
  /new WebAssembly\.Suspending\(_suspendingImport\((\d+), _lowerImportBackwardsCompat\.bind\(\n *null,\n *\{\n *trampolineIdx: \d+,\n *componentIdx: (\d+),\n *isAsync: false,\n *isManualAsync: (_trampoline\d+)\.manuallyAsync,\n([\s\S]*?)\n *importFn: \3,\n *\},\n *\)\)\)/g;

/** Injected next to `_suspendingImport`: the lowered import is the trampoline itself, behind the may-leave check. */
const LIGHT_LOWER = `// wcp: light JSPI import path (src/toolchain/lightenJspiGlue.ts)
function _wcpLightLower(args) {
  const { componentIdx, importFn } = args;
  const lowered = function () {
    _checkMayLeave(componentIdx);
    return importFn.apply(null, arguments);
  };
  if (importFn.wcpSync === true) lowered.wcpSync = true;
  return lowered;
}

`;

/** Rewrites the JSPI imports of pure WASI 0.2 glue as described above; other glue is returned as is. */
export function lightenJspiGlue(js: string): LightenedGlue {
  const unchanged = { js, lightened: [] };
  if (/\bisAsync: true\b|\bfuncTypeIsAsync: true\b/.test(js)) return unchanged;
  if (!/\n *function _suspendingImport\(/.test(js) || js.includes('_wcpLightLower') || !js.includes('function _trackHostOperation(')) return unchanged;

  // Light bodies of the trampolines that match jco's shape exactly.
  const bodies = new Map<string, { from: string; to: string; componentIdx: string }>();
  for (const m of js.matchAll(TRAMPOLINE)) {
    const [whole, , name, , body] = m;
    const light = lightBody(body);
    if (!light) continue;
    const lightened = whole.replace(body, () => light.body);
    bodies.set(name, { from: whole, to: returnWhenReady(lightened, true) ?? lightened, componentIdx: light.componentIdx });
  }
  // Their lowerings: sync-typed, sync-lowered, the trampoline referenced only by its own lowering.
  const lowerings = new Map<string, { from: string; to: string }>();
  for (const m of js.matchAll(LOWERING)) {
    const [whole, suspendIdx, componentIdx, name, inner] = m;
    const body = bodies.get(name);
    if (!body || suspendIdx !== componentIdx || body.componentIdx !== componentIdx) continue;
    if (!/\n *funcTypeIsAsync: false,\n/.test(`\n${inner}\n`) || /\bisAsync\b/.test(inner)) continue;
    if (js.split(`importFn: ${name},`).length !== 3 || lowerings.has(name)) {
      bodies.delete(name);
      continue;
    }
    lowerings.set(name, {
      from: whole,
      // Suspending unless the trampoline was made plain for a synchronous host (syncImports.ts).
      to: whole
        .replace(/^new WebAssembly\.Suspending\(_suspendingImport\((\d+), _lowerImportBackwardsCompat\.bind\(\n *null,\n/, '_wcpSuspendUnlessSync($1, _wcpLightLower(\n')
        .replace(/\)\)\)$/, '))'),
    });
  }
  const names = [...bodies.keys()].filter((n) => lowerings.has(n));
  if (names.length === 0) return unchanged;
  let out = js;
  for (const name of names) {
    out = replaceOnce(out, bodies.get(name)!.from, bodies.get(name)!.to);
    out = replaceOnce(out, lowerings.get(name)!.from, lowerings.get(name)!.to);
  }
  out = out.replace(/\n( *)function _suspendingImport\(/, (_, indent: string) => `\n${LIGHT_LOWER}${RETURN_WHEN_READY}${indent}function _suspendingImport(`);
  // Without the may-block rewrite a trampoline's plain value would still be wrapped in a Promise.
  out = suspendOnlyOnPromise(out) ?? out;
  // jco's debug logging is off unless `process.env.JCO_DEBUG` (never in a browser worker),
  // but each call still builds its argument object: skip the call and its arguments.
  out = out.replace(/^(\s*)_debugLog\(/gm, '$10 && _debugLog(');
  // Strings and byte lists lowered without a view or encoder call each (fastLowering.ts).
  out = lowerFaster(out);
  // No tick-loop and deadlock-check timers per settled host call while no task waits.
  out = quietHostOperations(out) ?? out;
  return { js: out, lightened: names };
}

/** The trampoline body without task bookkeeping, or undefined when it is not jco's expected shape. */
function lightBody(body: string): { body: string; componentIdx: string } | undefined {
  const start = body.search(/ *const hostProvided = true;\n/);
  if (start < 0) return undefined;
  const pro = PROLOGUE.exec(body.slice(start));
  if (!pro) return undefined;
  let rest = body.slice(start + pro[0].length);
  const calls = [...rest.matchAll(HOST_CALL)];
  if (calls.length !== 1) return undefined;
  rest = rest.replace(HOST_CALL, (_, expr: string) => `await _trackHostOperation(() => ${expr})`);
  if ([...rest.matchAll(ERROR_EXIT)].length > 1) return undefined;
  rest = rest.replace(ERROR_EXIT, '\n      throw err;');
  const epi = EPILOGUE.exec(rest);
  if (!epi || (epi[2] !== undefined && epi[2] !== epi[1])) return undefined;
  rest = rest.slice(0, epi.index) + `\n    return ${epi[1]};`;
  const light = body.slice(0, start) + rest;
  // Nothing of the task machinery may be left outside (skipped) debug logging.
  if (/\b(?:task|parentTask|subtask|hostProvided)\b/.test(withoutDebugLogs(light))) return undefined;
  return { body: light, componentIdx: pro[1] };
}

/** `text` without its `_debugLog(…)` calls (balanced parentheses; quotes and template literals skipped). */
export function withoutDebugLogs(text: string): string {
  let out = '';
  let i = 0;
  for (;;) {
    const at = text.indexOf('_debugLog(', i);
    if (at < 0) return out + text.slice(i);
    out += text.slice(i, at);
    let depth = 0;
    let j = at + '_debugLog'.length;
    for (; j < text.length; j++) {
      const c = text[j];
      if (c === "'" || c === '"' || c === '`') {
        const close = text.indexOf(c, j + 1);
        if (close < 0) return out;
        j = close;
      } else if (c === '(') depth++;
      else if (c === ')' && --depth === 0) break;
    }
    i = j + 1;
  }
}

function replaceOnce(text: string, from: string, to: string): string {
  const at = text.indexOf(from);
  if (at < 0 || text.indexOf(from, at + 1) >= 0) throw new Error('lightenJspiGlue: a rewrite target is not unique');
  return text.slice(0, at) + to + text.slice(at + from.length);
}

/** `s` as a regular expression source, any indentation accepted (jco's varies with nesting). */
export function esc(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\n */g, '\\n *').replace(/^ +/, ' *');
}
