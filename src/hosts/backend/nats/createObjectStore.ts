import type { ObjectStore, Objm } from '@nats-io/obj';

/**
 * `objm.create(name)`, also on pages that are not a secure context. The client refuses to
 * create an object store where Web Crypto's `subtle` is missing — every page served over
 * plain http from another host, as a class or a room on a LAN opens it — yet it hashes
 * objects with its own pure-JS SHA-256 (`@nats-io/obj` sha256.js, backend "js"), never with
 * `subtle`. So every blob example failed there with "unable to calculate hashes". The check
 * runs synchronously as `create` is called: a stand-in `subtle` answers it for that moment
 * only and is removed before anything else can run (its digest refuses, should it ever be
 * called). Not a caller of secure-context crypto (src/platform/randomUuid.test.ts).
 */
export function createObjectStore(objm: Objm, name: string): Promise<ObjectStore> {
  const c = globalThis.crypto as (Crypto & { subtle?: unknown }) | undefined;
  if (!c || typeof (c.subtle as { digest?: unknown } | undefined)?.digest === 'function') return objm.create(name);
  const digest = (): Promise<never> => Promise.reject(new Error('Web Crypto subtle is not available on this page (not a secure context)'));
  Object.defineProperty(c, 'subtle', { value: { digest }, configurable: true });
  try {
    return objm.create(name);
  } finally {
    delete (c as { subtle?: unknown }).subtle;
  }
}
