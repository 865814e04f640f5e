import { useMemo } from 'react';
import { cliRunCall, interfacesOfWit, planLinks, type LinkPlanResult } from '../../src/index';

/** The part of a workspace guest the link plan reads. */
export interface PlannedGuest {
  name: string;
  wit: string;
  call?: string;
}

/**
 * The link plan as the next Run will make it, read from each guest's WIT (the world's
 * explicit imports and exports; an opened component's WIT is the one it carries). Run
 * plans again from the built components, which also see imports implied by `use`.
 */
export function useLinkPlan(guests: readonly PlannedGuest[]): LinkPlanResult {
  const key = guests.map((g) => `${g.name}\u0000${g.call ?? ''}\u0000${g.wit}`).join('\u0001');
  // eslint-disable-next-line react-hooks/exhaustive-deps -- keyed by content: the array is new on every render
  return useMemo(() => planOf(guests), [key]);
}

export function planOf(guests: readonly PlannedGuest[]): LinkPlanResult {
  return planLinks(
    guests.map((g) => {
      const { imports, exports } = interfacesOfWit(g.wit);
      return { name: g.name, imports, exports, called: g.call !== undefined || cliRunCall(exports) !== undefined };
    }),
  );
}
