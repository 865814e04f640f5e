import { checkWorkspace, ShapeError } from '../workspace/checkWorkspace';
import type { Workspace } from '../workspace/workspaceTypes';
import { ShareError } from './shareError';

/** `format` tag of exported workspace files, so other JSON files are recognised as foreign. */
export const WORKSPACE_FILE_FORMAT = 'wasi-cloud-playground';
/** Version written by {@link exportWorkspaceFile}. */
export const WORKSPACE_FILE_VERSION = 1;
// Same limit as share links: a workspace file is the same data, uncompressed.
const MAX_FILE_CHARS = 2 * 1024 * 1024;

/** The JSON document in an exported file. */
export interface WorkspaceFileV1 {
  format: typeof WORKSPACE_FILE_FORMAT;
  version: 1;
  workspace: Workspace;
}

/**
 * Readers per file version, like the share-link decoders: never change an entry, add
 * one for each new version. Each gets the parsed document and returns a valid workspace.
 */
export const fileReaders: Readonly<Record<number, (doc: Record<string, unknown>) => Workspace>> = {
  1: (doc) => {
    for (const key of Object.keys(doc)) if (!['format', 'version', 'workspace'].includes(key)) throw new ShapeError(`the file has an unknown field "${key}"`);
    return checkWorkspace(doc.workspace, 'workspace');
  },
};

/** A downloadable `application/json` file holding `ws` (validated first, so exports always re-import). */
export function exportWorkspaceFile(ws: Workspace): Blob {
  const doc: WorkspaceFileV1 = { format: WORKSPACE_FILE_FORMAT, version: WORKSPACE_FILE_VERSION, workspace: checkWorkspace(ws) };
  return new Blob([JSON.stringify(doc, null, 2) + '\n'], { type: 'application/json' });
}

/** Reads an exported file's text. Returns (never throws) a ShareError saying what is wrong. */
export function importWorkspaceFile(text: string): Workspace | ShareError {
  try {
    if (typeof text !== 'string') return new ShareError('The file could not be read as text.');
    if (text.length > MAX_FILE_CHARS) return new ShareError('The file is larger than 2 MB; it is not a playground workspace.');
    let doc: unknown;
    try {
      doc = JSON.parse(text);
    } catch (e) {
      return new ShareError(`The file is not valid JSON (${e instanceof Error ? e.message : String(e)}).`);
    }
    if (typeof doc !== 'object' || doc === null || Array.isArray(doc) || (doc as { format?: unknown }).format !== WORKSPACE_FILE_FORMAT) {
      return new ShareError(`The file is not a WASI Cloud Playground workspace (expected "format": "${WORKSPACE_FILE_FORMAT}").`);
    }
    const version = (doc as { version?: unknown }).version;
    const reader = typeof version === 'number' && Object.hasOwn(fileReaders, version) ? fileReaders[version] : undefined;
    if (!reader) return new ShareError(`The file uses workspace format version ${JSON.stringify(version)}, which this version of the playground can't read.`);
    return reader(doc as Record<string, unknown>);
  } catch (e) {
    if (e instanceof ShapeError) return new ShareError(`The file's workspace is malformed: ${e.message}.`, { cause: e });
    return new ShareError(`The file could not be read: ${e instanceof Error ? e.message : String(e)}`, { cause: e });
  }
}

// UTF-8 takes at most 4 bytes a character: a file over this can't hold MAX_FILE_CHARS.
const MAX_FILE_BYTES = 4 * MAX_FILE_CHARS;

/**
 * {@link importWorkspaceFile} of a file from disk, sized before it is read: reading a 700 MB
 * file picked by mistake (a video, a disk image) as text failed inside the browser, and the
 * import ended without a word. Never throws.
 */
export async function readWorkspaceFile(file: Blob): Promise<Workspace | ShareError> {
  if (file.size > MAX_FILE_BYTES) return new ShareError(`The file is ${(file.size / 2 ** 20).toFixed(0)} MB; a playground workspace file is at most 2 MB.`);
  let text: string;
  try {
    text = await file.text();
  } catch (e) {
    return new ShareError(`The file could not be read (${e instanceof Error ? e.message : String(e)}).`, { cause: e });
  }
  return importWorkspaceFile(text);
}
