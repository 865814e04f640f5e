import { describe, expect, it } from 'vitest';
import type { TraceEvent } from '../../src/index';
import { describeRemoteSender, remoteSenderOf } from './remoteSender';

const deliver = (source: string): TraceEvent =>
  ({ kind: 'message', action: 'deliver', id: 'e1', guest: 'all-orders', tab: 'tab-me', at: 0, topic: 'orders.created', envelope: { id: 'm1', source }, data: new Uint8Array() }) as unknown as TraceEvent;
const store = { isBrowserTab: (tab: string) => tab === 'tab-me' || tab === 'tab-sibling' };

describe('who sent a delivered message', () => {
  it('names another machine, a plain NATS client, and nothing for this browser’s tabs', () => {
    expect(remoteSenderOf(deliver('/wcp/tab-phone/order-service'), store)).toBe('other machine');
    expect(remoteSenderOf(deliver('nats:orders.created'), store)).toBe('NATS client');
    expect(remoteSenderOf(deliver('/wcp/tab-me/order-service'), store)).toBeUndefined();
    expect(remoteSenderOf(deliver('/wcp/tab-sibling/order-service'), store)).toBeUndefined();
    expect(remoteSenderOf(deliver('web-shop'), store)).toBeUndefined();
    expect(remoteSenderOf({ ...deliver('/wcp/tab-phone/x'), action: 'send' } as TraceEvent, store)).toBeUndefined();
  });

  it('takes a source naming this browser\'s tab from the NATS server only with this browser\'s seal', () => {
    const viaNats = (source: string, fromThisBrowser?: boolean) => ({ ...deliver(source), transit: { via: 'NATS', ms: 2, ...(fromThisBrowser ? { fromThisBrowser } : {}) } }) as TraceEvent;
    expect(remoteSenderOf(viaNats('/wcp/tab-me/order-service', true), store)).toBeUndefined();
    expect(remoteSenderOf(viaNats('/wcp/tab-sibling/order-service', true), store)).toBeUndefined();
    // Any client can write this source: without the seal it is a peer claiming my tab.
    expect(remoteSenderOf(viaNats('/wcp/tab-me/order-service'), store)).toBe('peer claiming my tab');
    expect(remoteSenderOf(viaNats('/wcp/tab-sibling/order-service'), store)).toBe('peer claiming my tab');
    // Even without a CloudEvents time (no delay known), it still came through the server.
    expect(remoteSenderOf({ ...deliver('/wcp/tab-me/x'), transit: { via: 'NATS' } } as TraceEvent, store)).toBe('peer claiming my tab');
    expect(remoteSenderOf(viaNats('/wcp/tab-phone/order-service'), store)).toBe('other machine');
    expect(remoteSenderOf(viaNats('nats:orders.created'), store)).toBe('NATS client');
  });

  it('says a peer claiming my tab replayed my message when it came with my seal, already delivered', () => {
    const replayed = { ...deliver('/wcp/tab-me/order-service'), transit: { via: 'NATS', ms: 2, replayed: true } } as TraceEvent;
    expect(remoteSenderOf(replayed, store)).toBe('peer claiming my tab');
    expect(describeRemoteSender('peer claiming my tab', '/wcp/tab-me/order-service', true)).toMatch(/re-published one of this browser's messages word for word/);
    expect(describeRemoteSender('peer claiming my tab', '/wcp/tab-me/order-service')).toMatch(/without this browser's seal/);
  });
});
