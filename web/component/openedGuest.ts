import type { ExampleGuest, GuestSource } from '../../src/index';
import type { OpenedComponent, OpenedGuestSettings } from './useOpenedComponent';

/**
 * A guest the runner can build: an editable guest, or (with `bytes`) a component opened from
 * disk, whose `lang`, `wit` and `source` are then ignored — it brings its own world.
 */
export type RunnableGuest = ExampleGuest & { bytes?: Uint8Array };

/** What to send to the build worker for a guest. */
export function guestSourceOf(g: RunnableGuest): GuestSource {
  return g.bytes ? { lang: 'component', bytes: g.bytes } : { lang: g.lang, source: g.source };
}

/**
 * The runner's (and Hosts tab's) view of an opened component: call `run` when it exports one
 * (a `wasi:cli/run` command is found by the runner), with the settings made in the Hosts tab.
 * `wit` is the component's own printed WIT, so the Hosts tab lists its imports.
 */
export function openedGuest(c: OpenedComponent, settings: OpenedGuestSettings = {}): RunnableGuest {
  const hasRun = c.exports.some((e) => e.iface === '' && e.name === 'run');
  return { ...settings, name: c.name, lang: 'wat', wit: c.wit, source: '', bytes: c.bytes, call: hasRun ? 'run' : undefined, subscriptions: settings.subscriptions ?? [] };
}
