import type { Example, Workspace } from '../../src/index';
import { isPristine } from './appWorkspaces';

/**
 * Reset throws away every edit of this example (sources, hosts, faults): ask first, unless
 * there is nothing to lose. `ask` is window.confirm in the app.
 */
export function confirmReset(ws: Workspace, example: Example, ask: (question: string) => boolean = (q) => window.confirm(q)): boolean {
  return isPristine(ws, example) || ask(`Discard your edits to "${example.title}" and go back to the example's original code?`);
}
