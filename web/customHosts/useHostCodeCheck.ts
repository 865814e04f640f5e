import { useEffect, useState } from 'react';
import { checkHostCode } from '../../src/index';
import { checkHostShape } from './hostTemplate';

const DEBOUNCE_MS = 250;

/**
 * Problem with a host module, or undefined: first the shape check, then (debounced) a load
 * in the host-code sandbox, which reports syntax errors without running `create`.
 */
export function useHostCodeCheck(source: string | undefined): string | undefined {
  const shape = source === undefined ? undefined : checkHostShape(source);
  const [loaded, setLoaded] = useState<{ source: string; error: string | undefined }>();
  useEffect(() => {
    if (source === undefined || shape) return;
    let live = true;
    const timer = setTimeout(() => void checkHostCode(source).then((error) => live && setLoaded({ source, error })), DEBOUNCE_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [source, shape]);
  return shape ?? (loaded && loaded.source === source ? loaded.error : undefined);
}
