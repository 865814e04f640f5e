import type { BuildResult, Diagnostic } from '../../src/index';
import { formatDiagnostic } from '../runFormat';
import type { OpenedComponent } from './useOpenedComponent';

const WASM_MAGIC = [0x00, 0x61, 0x73, 0x6d];

/**
 * A component file as the playground shows it: read, checked for wasm's magic, analysed by
 * `analyse` (the build worker: its own WIT resolved against the shipped packages). Never
 * throws: a file gone from disk or unreadable (Chrome's NotReadableError, a file too big to
 * hold), or an analysis that failed outright, comes back with the reason in `errors` (the open
 * once ended without a word, the previous component or the editor still shown). Undefined
 * when the analysis was superseded by a newer one.
 */
export async function readComponentFile(file: Blob & { name: string }, analyse: (bytes: Uint8Array) => Promise<BuildResult>): Promise<OpenedComponent | undefined> {
  const name = file.name.replace(/\.wasm$/i, '') || 'component';
  const base: OpenedComponent = { fileName: file.name, name, bytes: new Uint8Array(0), wit: '', exports: [], exportedInterfaces: [], importedInterfaces: [], errors: [] };
  const failed = (e: unknown): OpenedComponent => ({ ...base, errors: [`${file.name} could not be opened: ${e instanceof Error ? e.message : String(e)}`] });
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await file.arrayBuffer());
  } catch (e) {
    return failed(e);
  }
  const read = { ...base, bytes };
  if (!WASM_MAGIC.every((b, i) => bytes[i] === b)) return { ...read, errors: [`${file.name} is not a WebAssembly file (it does not start with \\0asm).`] };
  let r: BuildResult;
  try {
    r = await analyse(bytes);
  } catch (e) {
    return { ...failed(e), bytes };
  }
  if (r.status === 'built') {
    const a = r.artifact;
    return { ...read, wit: a.componentWit, exports: a.exports, exportedInterfaces: a.exportedInterfaces, importedInterfaces: a.importedInterfaces };
  }
  // A component that can't run here still shows its WIT: that is where the user sees why.
  if (r.status === 'failed') return { ...read, wit: r.componentWit ?? '', errors: r.diagnostics.map((d: Diagnostic) => (d.file === 'guest' ? d.message : formatDiagnostic(d))) };
  return undefined;
}
