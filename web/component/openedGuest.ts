import type { ExampleGuest, GuestSource } from '../../src/index';
import type { OpenedComponent } from './useOpenedComponent';

/**
 * A guest the runner can build: an editable guest, or (with `bytes`) a component opened from
 * disk, whose `lang`, `wit` and `source` are then ignored — it brings its own world.
 */
export type RunnableGuest = ExampleGuest & { bytes?: Uint8Array };

/** What to send to the build worker for a guest. */
export function guestSourceOf(g: RunnableGuest): GuestSource {
  return g.bytes ? { lang: 'component', bytes: g.bytes } : { lang: g.lang, source: g.source };
}

/** The runner's view of an opened component: call `run` when it exports one. */
export function openedGuest(c: OpenedComponent): RunnableGuest {
  const hasRun = c.exports.some((e) => e.iface === '' && e.name === 'run');
  return { name: c.name, lang: 'wat', wit: '', source: '', bytes: c.bytes, call: hasRun ? 'run' : undefined, subscriptions: [] };
}
