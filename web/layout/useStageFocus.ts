import { useCallback, useState } from 'react';
import { useMediaQuery } from './useMediaQuery';

/** Which pane a big-screen view makes large: one editor (with the output beside it) or the output. */
export type StageFocus = 'wit' | 'guest' | 'output';

/** Pane focus of presenter mode and embeds, and the grid columns it gives the three panes. */
export interface StageLayout {
  /** undefined = the normal three resizable columns. */
  focus: StageFocus | undefined;
  setFocus(focus: StageFocus): void;
  /** `grid-template-columns` for `.panes` (WIT, splitter, guest, splitter, output). */
  columns: string;
  /** One pane at a time (a lesson on a phone on its side): the focus is the only pane shown. */
  single: boolean;
  /** After Run: shows the output where it would otherwise be hidden (the single-pane layout). */
  revealOutput(): void;
}

/**
 * Below this width a lesson beside three columns left each editor ~200-330 px (1024 px: WIT
 * 191, guest 247; 1366 px, the commonest laptop: WIT 255, guest 335, and Monaco scrolled
 * sideways at every edit, hiding the start of each line); on a phone (≤ 700 px) the panes
 * stack anyway. From 1440 px the three columns are wide enough to keep.
 */
export const LEARN_FOCUS_QUERY = '(min-width: 701px) and (max-width: 1439px)';

/**
 * An embed this wide showed three columns, the guest's ~280 px cutting code after ~28
 * characters at 800×500; one editor beside the output (the switch in the embed's header)
 * reads whole. Narrower embeds stack the panes instead (presenter.css), wider ones keep three.
 */
export const EMBED_FOCUS_QUERY = '(min-width: 761px) and (max-width: 1199px)';

/**
 * A phone on its side (short, wider than a phone held upright, touch): three columns of an
 * example left each 220–310 px of 844, the code cut after ~30 characters. One editor beside the
 * output instead, as beside a lesson, with the switch in the (one-row) header. The same query
 * as the compact header in layout.css.
 */
export const PHONE_ON_SIDE_QUERY = '(max-height: 500px) and (min-width: 701px) and (pointer: coarse)';

/**
 * A tablet held upright (768×1024): an example's three columns were 190–290 px each over
 * 900 px of height. One editor with the output under it instead (layout.css stacks them).
 */
export const TABLET_UPRIGHT_QUERY = '(min-width: 701px) and (max-width: 1023px) and (orientation: portrait)';

/**
 * Presenter mode shows one editor large beside the output (or the output large), so the
 * code is readable from the back of a room at 1280×720; an embed that asks for a panel
 * (`?embed&panel=diagram`) gives that panel most of the frame, a mid-sized embed one editor
 * beside the output. A lesson on a laptop-sized
 * screen does the same, with the switch in the header, and so does a phone on its side. Otherwise the user's own pane
 * sizes apply.
 */
export function useStageFocus(mode: { present: boolean; embed: boolean; panel?: string; learning?: boolean }, panes: readonly number[]): StageLayout {
  const [chosen, setFocus] = useState<StageFocus>(mode.embed && mode.panel ? 'output' : 'guest');
  const narrow = useMediaQuery(LEARN_FOCUS_QUERY);
  const narrowEmbed = useMediaQuery(EMBED_FOCUS_QUERY);
  const phoneOnSide = useMediaQuery(PHONE_ON_SIDE_QUERY);
  const upright = useMediaQuery(TABLET_UPRIGHT_QUERY);
  const focus = mode.present || (mode.embed && (mode.panel || narrowEmbed)) || (!mode.embed && ((mode.learning && narrow) || phoneOnSide || upright)) ? chosen : undefined;
  // Beside a lesson on a phone on its side 507 px are left: split, the output was 145 px (a
  // Check's or a run's lines broken every 15 characters) and the code 360. One pane at a time.
  const single = !!focus && !mode.embed && !mode.present && !!mode.learning && phoneOnSide;
  const revealOutput = useCallback(() => single && setFocus('output'), [single]);
  return { focus, setFocus, columns: columnsFor(focus, panes, mode.learning, single), single, revealOutput };
}

/**
 * Hidden panes keep a zero-width column, so the children keep their grid slots. Beside a
 * lesson (`learning`) the editor gets most of what is left: the lesson has the
 * verdict, and at 1024 px a 3:2 split cut the code after a few characters. `single`: the
 * focused pane alone takes the width.
 */
export function columnsFor(focus: StageFocus | undefined, panes: readonly number[], learning = false, single = false): string {
  const [p1, p2, p3] = panes;
  const side = learning ? '1.2fr' : '2fr';
  if (single && focus) return ['wit', '', 'guest', '', 'output'].map((id) => (id === focus ? 'minmax(0, 1fr)' : '0')).join(' ');
  switch (focus) {
    case 'wit':
      return `minmax(0, 3fr) 0 0 0 minmax(0, ${side})`;
    case 'guest':
      return `0 0 minmax(0, 3fr) 0 minmax(0, ${side})`;
    case 'output':
      return '0 0 minmax(0, 1fr) 0 minmax(0, 2.6fr)';
    default:
      return `minmax(0, ${p1}fr) 5px minmax(0, ${p2}fr) 5px minmax(0, ${p3}fr)`;
  }
}
