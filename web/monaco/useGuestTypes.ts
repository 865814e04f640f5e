import { useEffect } from 'react';
import { getBuildClient } from '../engine';
import { monaco } from './setupMonaco';
import { setCoreSignatures } from './watCompletions';

/** How long the WIT must stay unchanged before its declarations are asked for again. */
const SETTLE_MS = 300;

/** The declarations the editors have now (one set: the guest being edited). */
let shown = '';

/**
 * Gives the JavaScript and TypeScript editors the declarations of what this guest's WIT world
 * lets it import (generateGuestTypes.ts, through the build worker): `bucket.` completes the
 * resource's methods, a hover shows the WIT's doc comment, `increment(` its parameters, and a
 * TypeScript guest's `bucket.set('k', 'text')` is underlined as it is typed. A JavaScript guest
 * gets the same checks by starting with `// @ts-check`. WIT that does not analyse (mid-edit)
 * keeps the last declarations. A WAT guest's editor gets its world's core signatures instead.
 */
export function useGuestTypes(wit: string | undefined, lang: 'js' | 'wat'): void {
  useEffect(() => {
    if (wit === undefined) return;
    let live = true;
    const timer = setTimeout(() => {
      const client = getBuildClient();
      // A WAT guest gets its world's core imports and exports (watCompletions.ts) instead.
      if (lang === 'wat') void client.coreSignatures(wit).then((core) => live && core && setCoreSignatures(core));
      else void client.guestTypes(wit).then((files) => live && files && showGuestTypes(files));
    }, SETTLE_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [wit, lang]);
}

function showGuestTypes(files: [string, string][]): void {
  const key = JSON.stringify(files);
  // Setting the same libraries again would have the TypeScript worker check every model anew.
  if (key === shown) return;
  shown = key;
  const libs = files.map(([path, content]) => ({ filePath: `file:///wit-imports/${path}`, content }));
  monaco.typescript.typescriptDefaults.setExtraLibs(libs);
  monaco.typescript.javascriptDefaults.setExtraLibs(libs);
}
