import { useCallback, useEffect, useState } from 'react';
import { readStorageStatus, requestPersistence, type StorageStatus } from './requestPersistence';

/** Storage status for the Storage menu, re-read on demand and after asking for persistence. */
export function useStorageStatus() {
  const [status, setStatus] = useState<StorageStatus>();
  const refresh = useCallback(async () => setStatus(await readStorageStatus()), []);
  useEffect(() => void refresh(), [refresh]);
  const persist = useCallback(async () => {
    const ok = await requestPersistence();
    await refresh();
    return ok;
  }, [refresh]);
  return { status, refresh, persist };
}
