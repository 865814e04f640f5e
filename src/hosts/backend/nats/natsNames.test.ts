import { describe, expect, it } from 'vitest';
import { covers } from './natsStreams';
import { decodeKey, encodeKey, isHiddenSubject, isLogSubject, kvBucketName, logSubject, logSubjects, objectStoreName, toSubjectFilter } from './natsNames';

describe('NATS names', () => {
  it('keeps plain keys readable and round-trips any key', () => {
    expect(encodeKey('user.42')).toBe('user.42');
    expect(encodeKey('counter')).toBe('counter');
    for (const key of ['', '.', 'a..b', '.lead', 'trail.', 'sp ace', 'ümlaut🙂', '=', '=41', 'a*b>c', 'x\ny']) {
      const encoded = encodeKey(key);
      expect(encoded).toMatch(/^[-/_=.a-zA-Z0-9]+$/);
      expect(encoded).not.toMatch(/^\.|\.$|\.\./);
      expect(decodeKey(encoded)).toBe(key);
    }
  });

  it('builds valid, distinct bucket and object store names', () => {
    expect(kvBucketName('wcp', 'counters')).toBe('wcp-kv-counters');
    expect(kvBucketName('wcp', 'a_b')).not.toBe(kvBucketName('wcp', 'a.b'));
    expect(objectStoreName('wcp', 'my photos')).toMatch(/^[-_a-zA-Z0-9]+$/);
  });

  it('maps # to > in subject filters', () => {
    expect(toSubjectFilter('orders.#')).toBe('orders.>');
    expect(toSubjectFilter('orders.*')).toBe('orders.*');
  });

  it('keeps each namespace\'s topic logs apart from every topic and from the other namespaces', () => {
    expect(logSubject('wcp', 'orders.created')).toBe('$WCP.log.wcp.orders.created');
    expect(covers(logSubjects('wcp'), logSubject('wcp', 'orders.created'))).toBe(true);
    expect(covers(logSubjects('wcp'), logSubject('wcp-2', 'orders'))).toBe(false);
    expect(covers(logSubjects('a.b'), logSubject('a', 'b.c'))).toBe(false);
    expect(isLogSubject(logSubject('wcp', 'x'))).toBe(true);
    expect(isLogSubject('orders.created')).toBe(false);
    // A guest's patterns cover no log unless they start with a wildcard.
    expect(covers('orders.>', logSubject('wcp', 'orders.created'))).toBe(false);
  });

  it('hides the server\'s own traffic from wildcard subscriptions, not from one that names it', () => {
    for (const subject of ['$JS.API.INFO', '$JS.EVENT.ADVISORY.API', '$JS.ACK.s.c.1.1.1.1.0', '$KV.counters.n', '$O.files.C.x', '$SYS.SERVER.x', '_INBOX.abc.1'])
      for (const filter of ['>', '*.>', '*.*.*']) expect(isHiddenSubject(subject, filter), `${subject} ${filter}`).toBe(true);
    expect(isHiddenSubject('$KV.counters.n', '$KV.>')).toBe(false);
    expect(isHiddenSubject('_INBOX.abc', '_INBOX.*')).toBe(false);
    // A guest's topics; the playground's request inboxes are left to matchTopic (as on the browser).
    for (const subject of ['jobs', 'orders.eu', '_inbox.1', 'JS.API']) expect(isHiddenSubject(subject, '>')).toBe(false);
    expect(isHiddenSubject(logSubject('ns', 'jobs'), '$WCP.>')).toBe(true);
  });
});
