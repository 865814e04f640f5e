import { describe, expect, it } from 'vitest';
import { planLinks, type LinkableGuest } from './planLinks';

const STORE = 'wasi:keyvalue/store@0.2.0-draft2';
const ATOMICS = 'wasi:keyvalue/atomics@0.2.0-draft2';
const middleware = (name: string, extra: Partial<LinkableGuest> = {}): LinkableGuest => ({ name, imports: [STORE], exports: [STORE], ...extra });
const app = (name: string, imports = [STORE]): LinkableGuest => ({ name, imports, exports: [], called: true });

function plan(guests: LinkableGuest[]) {
  const r = planLinks(guests);
  if (!r.ok) throw new Error(r.errors.map((e) => e.message).join('\n'));
  return r.plan;
}

function errors(guests: LinkableGuest[]) {
  const r = planLinks(guests);
  if (r.ok) throw new Error('expected the plan to be refused');
  return r.errors;
}

describe('planLinks', () => {
  it('serves an import with the one other guest exporting it, and the middleware itself with the host', () => {
    const p = plan([middleware('kv-namespace'), app('notes')]);
    expect(p.links).toEqual([{ consumer: 'notes', iface: STORE, provider: 'kv-namespace' }]);
    expect(p.servedBy['kv-namespace']).toEqual({});
    expect(p.providers).toEqual({ notes: ['kv-namespace'] });
    expect(p.linkedOnly).toEqual(['kv-namespace']);
  });

  it('links nothing when no guest exports what another imports (every existing example)', () => {
    const p = plan([{ name: 'handler', imports: [STORE], exports: ['wasi:messaging/incoming-handler@0.2.0-draft'] }, app('producer', [STORE, 'wasi:messaging/producer@0.2.0-draft'])]);
    expect(p.links).toEqual([]);
    expect(p.providers).toEqual({});
    expect(p.linkedOnly).toEqual([]);
  });

  it('matches the exact version: a draft import is not served by a draft2 export', () => {
    const p = plan([middleware('kv-namespace'), app('old', ['wasi:keyvalue/store@0.2.0-draft'])]);
    expect(p.links).toEqual([]);
  });

  it('orders a chain of different interfaces bottom-up and starts neither provider alone', () => {
    const cache: LinkableGuest = { name: 'cache', imports: ['acme:db/query@1.0.0'], exports: ['acme:cache/get@1.0.0'] };
    const db: LinkableGuest = { name: 'db', imports: [STORE], exports: ['acme:db/query@1.0.0'] };
    const p = plan([db, cache, app('web', ['acme:cache/get@1.0.0'])]);
    expect(p.providers).toEqual({ web: ['db', 'cache'], cache: ['db'] });
    expect(p.linkedOnly).toEqual(['db', 'cache']);
  });

  it('starts a provider on its own too when Run calls it or it exports something no guest takes', () => {
    const p = plan([middleware('kv-namespace', { exports: [STORE, 'wasi:messaging/incoming-handler@0.2.0-draft'] }), middleware('kv-b', { name: 'kv-b', imports: [], exports: ['x:y/z@1.0.0'], called: true }), app('notes', [STORE, 'x:y/z@1.0.0'])]);
    expect(p.linkedOnly).toEqual([]);
    expect(p.providers.notes).toEqual(['kv-namespace', 'kv-b']);
  });

  it('shares one provider instance between two consumers in one worker (listed once)', () => {
    const a: LinkableGuest = { name: 'a', imports: ['x:p/i@1.0.0'], exports: ['x:q/j@1.0.0'] };
    const p = plan([{ name: 'base', imports: [], exports: ['x:p/i@1.0.0'] }, a, app('top', ['x:p/i@1.0.0', 'x:q/j@1.0.0'])]);
    expect(p.providers.top).toEqual(['base', 'a']);
  });

  it('refuses two guests exporting what one imports, naming all of them', () => {
    const [e] = errors([middleware('kv-a'), middleware('kv-b'), app('notes')]);
    expect(e.guest).toBe('notes');
    expect(e.message).toContain(`notes imports ${STORE}, which kv-a and kv-b all export`);
  });

  it('refuses a cycle and spells it out', () => {
    const a: LinkableGuest = { name: 'a', imports: ['x:b/api@1.0.0'], exports: ['x:a/api@1.0.0'] };
    const b: LinkableGuest = { name: 'b', imports: ['x:a/api@1.0.0'], exports: ['x:b/api@1.0.0'] };
    const errs = errors([a, b]);
    expect(errs).toHaveLength(1);
    expect(errs[0].message).toBe('Guests serve each other in a cycle: a imports x:b/api@1.0.0 from b imports x:a/api@1.0.0 from a. A chain of guests must end at a host; remove one of these exports or imports.');
  });

  it('refuses a package split between a guest and the host (atomics would get a bucket it never made)', () => {
    const [e] = errors([middleware('kv-namespace'), app('counter', [STORE, ATOMICS])]);
    expect(e.guest).toBe('counter');
    expect(e.message).toContain(`counter imports ${STORE} from kv-namespace but ${ATOMICS} from the host`);
    expect(e.message).toContain(`Export ${ATOMICS} from kv-namespace too`);
  });
});
