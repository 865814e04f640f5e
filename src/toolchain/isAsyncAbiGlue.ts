/**
 * Whether jco's glue is for a component of the component-model async ABI (WASI 0.3: async
 * func, stream or future): its code wires core imports and exports named "[async-lower]…" /
 * "[async-lift]…". The rewrites of 0.3 glue (exposeAsyncTasks, wakeAsyncTicks) and the JSPI
 * refusal (runtime/loadGuest.ts) all ask this one question.
 */
export function isAsyncAbiGlue(js: string): boolean {
  return /\[async-(lower|lift)\]/.test(js);
}
