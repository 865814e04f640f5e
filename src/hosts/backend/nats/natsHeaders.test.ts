import { describe, expect, it } from 'vitest';
import { MsgHdrsImpl } from '@nats-io/nats-core';
import { MsgImpl, type Publisher } from '@nats-io/nats-core/internal';
import { isNoResponders, readHeaderPairs, toHeaders } from './natsHeaders';
import { createEnvelope } from '../../messaging/createEnvelope';

const te = new TextEncoder();

/** A message as the client hands it to a subscription: header block and payload in one buffer. */
function received(headerBlock: Uint8Array, payload: Uint8Array): MsgImpl {
  const raw = new Uint8Array(headerBlock.length + payload.length);
  raw.set(headerBlock);
  raw.set(payload, headerBlock.length);
  const arg = { subject: te.encode('orders.new'), reply: te.encode(''), sid: 1, hdr: headerBlock.length, size: raw.length };
  return new MsgImpl(arg, raw, {} as Publisher);
}

/** What the client's own `append` would have built for the same envelope. */
function viaAppend(envelope: Record<string, string>): Uint8Array {
  const h = new MsgHdrsImpl();
  for (const name in envelope) h.append(name === 'datacontenttype' ? 'content-type' : `ce-${name}`, envelope[name]!.trim());
  return h.encode();
}

describe('NATS CloudEvents headers', () => {
  it('are the bytes the client would have built with append, the fast way for attribute names', () => {
    const envelope = { ...createEnvelope({ topic: 'orders.new', tab: 'tab-1', guest: 'producer', contentType: 'text/plain', metadata: [['Trace', ' x ']] }) };
    expect(toHeaders(envelope).encode()).toEqual(viaAppend(envelope));
    // A name outside CloudEvents' a-z0-9 still goes through the client's checks.
    expect(() => toHeaders({ 'bad name': 'x' })).toThrow(/not a valid character/);
  });

  it('are read from the raw block as the client would decode them, first value of a repeated name', () => {
    const h = new MsgHdrsImpl();
    h.append('ce-id', 'a1');
    h.append('ce-source', 'wcp://tab/guest');
    h.append('content-type', 'text/plain; charset=utf-8');
    h.append('ce-odd', '100%25 sure');
    h.append('X-Repeat', 'first');
    h.append('X-Repeat', 'second');
    const msg = received(h.encode(), te.encode('hi'));
    const pairs = readHeaderPairs(msg);
    expect(pairs).toEqual([
      ['ce-id', 'a1'],
      ['ce-source', 'wcp://tab/guest'],
      ['content-type', 'text/plain; charset=utf-8'],
      ['ce-odd', '100% sure'],
      ['X-Repeat', 'first'],
    ]);
    // Read from the raw block: the client's own decoding never ran (if a client update renames
    // what this reads, the fallback would run and this says so).
    expect(msg._headers).toBeUndefined();
    // The same as through the client's header map.
    const decoded = [...received(h.encode(), te.encode('hi')).headers!].map(([k, v]) => [k, decodeURIComponent(v[0]!)]);
    expect(pairs).toEqual(decoded);
    expect(new TextDecoder().decode(msg.data)).toBe('hi');
  });

  it('fall back to the client for status lines and for messages that are not the client’s own', () => {
    const status = te.encode('NATS/1.0 503\r\n\r\n');
    expect(readHeaderPairs(received(status, new Uint8Array()))).toEqual([]);
    const h = new MsgHdrsImpl();
    h.append('ce-id', 'b2');
    expect(readHeaderPairs({ headers: h })).toEqual([['ce-id', 'b2']]);
    expect(readHeaderPairs({ headers: undefined })).toEqual([]);
  });
});

describe('the server\'s no-responders status', () => {
  it('is told apart from replies, empty ones included', () => {
    expect(isNoResponders(received(te.encode('NATS/1.0 503\r\n\r\n'), new Uint8Array()))).toBe(true);
    const emptyReply = toHeaders(createEnvelope({ topic: '_inbox.x', tab: 'tab-1', guest: 'shouter' })).encode();
    expect(isNoResponders(received(emptyReply, new Uint8Array()))).toBe(false);
    expect(isNoResponders(received(emptyReply, te.encode('hi')))).toBe(false);
  });
});
