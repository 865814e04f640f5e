/** Why: the browser refused the write because storage is full (vs. unavailable or corrupt data). */
export type WorkspaceStoreErrorKind = 'quota' | 'unavailable' | 'corrupt' | 'newer' | 'invalid';

/**
 * The only error the workspace store rejects with. `message` is for the user; `kind`
 * lets the UI react (e.g. offer to delete old workspaces on 'quota').
 */
export class WorkspaceStoreError extends Error {
  readonly kind: WorkspaceStoreErrorKind;
  constructor(kind: WorkspaceStoreErrorKind, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'WorkspaceStoreError';
    this.kind = kind;
  }
}
