import { isCliRun, splitInterfaceId } from '../witNames';

/** What the linker needs to know about one guest of the workspace. */
export interface LinkableGuest {
  name: string;
  /** Imported interface ids with versions (implied ones included when known). */
  imports: readonly string[];
  /** Exported interface ids with versions. */
  exports: readonly string[];
  /** Run calls something on it (a world-level `run` or `wasi:cli/run`). */
  called?: boolean;
}

/** One import of one guest served by another guest's export. */
export interface GuestLink {
  consumer: string;
  iface: string;
  provider: string;
}

/** A workspace whose guests link cleanly. */
export interface LinkPlan {
  /** Every guest-to-guest link, in guest order. */
  links: GuestLink[];
  /** Per guest: import id → the guest serving it (absent = a host serves it). */
  servedBy: Record<string, Record<string, string>>;
  /**
   * Per guest that imports from other guests: the providers its worker instantiates, each
   * before the guests that import from it (so the chain can be built bottom-up).
   */
  providers: Record<string, string[]>;
  /**
   * Guests that exist only to serve other guests: no Run call and every export taken by a
   * consumer. They are not started on their own; each consumer's worker instantiates them.
   */
  linkedOnly: string[];
}

/** Why the workspace cannot be linked, attached to the guest to fix. */
export interface LinkError {
  guest: string;
  message: string;
}

export type LinkPlanResult = { ok: true; plan: LinkPlan } | { ok: false; errors: LinkError[] };

/**
 * Decides which imports of which guests are served by other guests of the workspace.
 * An import is linked when exactly one OTHER guest exports that exact interface id (name
 * and version); a guest never serves itself, which is what lets a middleware import an
 * interface from the host and export it again. Refused, with a message naming the guests:
 * two guests exporting what one imports (ambiguous), guests serving each other in a cycle,
 * and a package whose imported interfaces would come from different places (types such as
 * `bucket` are shared between the interfaces of a package and must come from one instance).
 */
export function planLinks(guests: readonly LinkableGuest[]): LinkPlanResult {
  const errors: LinkError[] = [];
  const links: GuestLink[] = [];
  const servedBy: Record<string, Record<string, string>> = {};
  for (const g of guests) {
    const mine: Record<string, string> = {};
    const sourceOfPackage = new Map<string, { iface: string; from: string }>();
    for (const iface of g.imports) {
      const offering = guests.filter((o) => o.name !== g.name && o.exports.includes(iface));
      if (offering.length > 1) {
        errors.push({ guest: g.name, message: `${g.name} imports ${iface}, which ${listNames(offering.map((o) => o.name))} all export: the playground cannot tell which one should serve it. Remove the export from all but one of them.` });
        continue;
      }
      const from = offering[0]?.name ?? 'the host';
      if (offering[0]) mine[iface] = from;
      const { pkg } = splitInterfaceId(iface);
      const earlier = sourceOfPackage.get(pkg);
      if (earlier && earlier.from !== from) {
        errors.push({ guest: g.name, message: `${g.name} imports ${earlier.iface} from ${earlier.from} but ${iface} from ${from}: the interfaces of ${pkg} share types (resources such as a bucket) and must come from one place. Export ${from === 'the host' ? iface : earlier.iface} from ${from === 'the host' ? earlier.from : from} too, or stop importing it.` });
      } else if (!earlier) sourceOfPackage.set(pkg, { iface, from });
    }
    servedBy[g.name] = mine;
    for (const [iface, provider] of Object.entries(mine)) links.push({ consumer: g.name, iface, provider });
  }
  errors.push(...findCycles(guests, servedBy));
  if (errors.length) return { ok: false, errors };
  const providers: Record<string, string[]> = {};
  for (const g of guests) {
    const order = providersOf(g.name, servedBy);
    if (order.length) providers[g.name] = order;
  }
  const linkedOnly = guests
    .filter((g) => !g.called && links.some((l) => l.provider === g.name))
    .filter((g) => g.exports.every((e) => !isCliRun(e) && links.some((l) => l.provider === g.name && l.iface === e)))
    .map((g) => g.name);
  return { ok: true, plan: { links, servedBy, providers, linkedOnly } };
}

/** Providers a guest's worker instantiates, dependencies first, each once. */
function providersOf(guest: string, servedBy: Record<string, Record<string, string>>): string[] {
  const order: string[] = [];
  const visit = (name: string) => {
    for (const p of new Set(Object.values(servedBy[name] ?? {}))) {
      if (order.includes(p)) continue;
      visit(p);
      order.push(p);
    }
  };
  visit(guest);
  return order;
}

/** Each cycle once, as "a → b → a" with the interfaces on the way. */
function findCycles(guests: readonly LinkableGuest[], servedBy: Record<string, Record<string, string>>): LinkError[] {
  const errors: LinkError[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const path: { guest: string; iface?: string }[] = [];
  const visit = (name: string) => {
    state.set(name, 'visiting');
    for (const [iface, provider] of Object.entries(servedBy[name] ?? {})) {
      path.push({ guest: name, iface });
      if (state.get(provider) === 'visiting') {
        const start = path.findIndex((p) => p.guest === provider);
        const steps = path.slice(start).map((p) => `${p.guest} imports ${p.iface} from`).join(' ');
        errors.push({ guest: provider, message: `Guests serve each other in a cycle: ${steps} ${provider}. A chain of guests must end at a host; remove one of these exports or imports.` });
      } else if (!state.has(provider)) visit(provider);
      path.pop();
    }
    state.set(name, 'done');
  };
  for (const g of guests) if (!state.has(g.name)) visit(g.name);
  return errors;
}

function listNames(names: string[]): string {
  return names.length <= 2 ? names.join(' and ') : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}
