import { useEffect } from 'react';
import type { Diagnostic } from '../../src/index';
import type { StageFocus, StageLayout } from './useStageFocus';

/**
 * Which editor a failed build should bring forward while one editor is large: the one with
 * the markers when the large one has none. Undefined leaves the focus as the user set it.
 */
export function editorToShow(focus: StageFocus | undefined, diagnostics: readonly Diagnostic[]): StageFocus | undefined {
  if (focus !== 'wit' && focus !== 'guest') return undefined;
  const inWit = diagnostics.some((d) => d.file === 'wit');
  const inGuest = diagnostics.some((d) => d.file === 'guest');
  if (focus === 'guest' && inWit && !inGuest) return 'wit';
  if (focus === 'wit' && inGuest && !inWit) return 'guest';
  return undefined;
}

/**
 * Presenting, or learning on a laptop, one editor is hidden; a build error marked only in it
 * would otherwise say "see the markers" about code nobody can see. Runs once per new set of
 * diagnostics, so the user can switch back and stay there.
 */
export function useShowMarkedEditor(stage: StageLayout, diagnostics: readonly Diagnostic[]): void {
  const { focus, setFocus } = stage;
  useEffect(() => {
    const to = editorToShow(focus, diagnostics);
    if (to) setFocus(to);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only a new build's markers move the focus
  }, [diagnostics]);
}
