/** Messages whose copies a filter remembers; the oldest is forgotten first. */
const REMEMBERED = 2000;

/**
 * Tells apart the two reasons one message (one CloudEvents id) reaches a NATS bus again:
 * - the guest has several subscriptions matching it (`orders.*` and `orders.eu`): the server
 *   sends one copy per matching subscription, but the guest gets the message once, as on the
 *   browser bus, which posts each message once to every listener;
 * - it was sent again (a duplicate transmission, such as an injected `duplicate` fault or a
 *   client's retry): that is a second message for the guest, as on the browser.
 * Every transmission reaches each matching subscription exactly once, so the transmissions
 * seen so far are the most copies any one subscription got: a copy is admitted when its
 * subscription has now seen more copies than were admitted.
 */
export interface CopyFilter {
  /** True when this copy (arrived on `subscription`) is a new transmission of `id`. */
  admit(id: string, subscription: number): boolean;
}

export function createCopyFilter(remembered = REMEMBERED): CopyFilter {
  // id → copies on the subscription that got it first (a flood's only one: no map per
  // message there), on any other, and how many were admitted.
  const seen = new Map<string, { first: number; copies: number; others?: Map<number, number>; admitted: number }>();
  return {
    admit(id, subscription) {
      const entry = seen.get(id);
      if (entry === undefined) {
        seen.set(id, { first: subscription, copies: 1, admitted: 1 });
        if (seen.size > remembered) seen.delete(seen.keys().next().value as string);
        return true;
      }
      let copies: number;
      if (subscription === entry.first) copies = ++entry.copies;
      else {
        entry.others ??= new Map();
        copies = (entry.others.get(subscription) ?? 0) + 1;
        entry.others.set(subscription, copies);
      }
      if (copies <= entry.admitted) return false;
      entry.admitted = copies;
      return true;
    },
  };
}
