import { useEffect } from 'react';
import { findAppExample } from './appWorkspaces';
import type { Notices } from './useNotices';

/**
 * What to say when the address asks for an example this playground does not have (a typo in
 * a presenter's link, or a link made by a newer version): the page opens the first example
 * instead, and without a word the visitor would take it for the one the link meant.
 * Undefined when there is nothing to say; a share hash wins over `?example=`, so then too.
 */
export function missingExampleText(search: string, hasShareHash: boolean, shownTitle: string): string | undefined {
  if (hasShareHash) return undefined;
  const asked = new URLSearchParams(search).get('example')?.trim();
  if (!asked || findAppExample(asked)) return undefined;
  const name = asked.length > 60 ? `${asked.slice(0, 60)}…` : asked;
  return `This link asks for the example "${name}", which this playground does not have: showing "${shownTitle}" instead. Pick another from the examples menu.`;
}

/** Shows missingExampleText once, as a warning the visitor can dismiss. */
export function useMissingExampleNotice(search: string, hasShareHash: boolean, shownTitle: string, notices: Notices): void {
  const { show } = notices;
  useEffect(() => {
    const text = missingExampleText(search, hasShareHash, shownTitle);
    if (text) show({ id: 'missing-example', kind: 'warn', text });
    // Once per page, with what the first render showed: later switches are the visitor's own.
  }, []);
}
