/** Whether the browser keeps this site's data under storage pressure, and how much it uses. */
export interface StorageStatus {
  /** undefined: the browser offers no StorageManager here (plain http from another host). */
  persisted: boolean | undefined;
  usage?: number;
  quota?: number;
}

const manager = (): StorageManager | undefined => (typeof navigator !== 'undefined' ? navigator.storage : undefined);

export async function readStorageStatus(): Promise<StorageStatus> {
  const m = manager();
  if (!m?.persisted) return { persisted: undefined };
  const [persisted, estimate] = await Promise.all([m.persisted(), m.estimate?.().catch(() => undefined)]);
  return { persisted, usage: estimate?.usage, quota: estimate?.quota };
}

let asked: Promise<boolean | undefined> | undefined;

/**
 * Asks the browser once per page to keep saved work (`navigator.storage.persist()`), at the
 * moments that show the user cares: the first explicit save, an import, the Storage menu.
 * Resolves undefined where the API is missing (insecure origins).
 */
export function requestPersistence(): Promise<boolean | undefined> {
  const m = manager();
  if (!m?.persist) return Promise.resolve(undefined);
  asked ??= m.persisted().then((already) => already || m.persist()).catch(() => false);
  return asked;
}
