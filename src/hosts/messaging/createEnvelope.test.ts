import { CloudEvent } from 'cloudevents';
import { describe, expect, it } from 'vitest';
import { createEnvelope, readEnvelope, toExtensionName } from './createEnvelope';

const base = { topic: 'orders.created', tab: 'tab-1', guest: 'guest-1' };

describe('createEnvelope', () => {
  it('produces a valid CloudEvents 1.0 envelope', () => {
    const envelope = createEnvelope({ ...base, contentType: 'application/json' });
    expect(new CloudEvent(envelope).validate()).toBe(true);
    expect(envelope).toMatchObject({
      specversion: '1.0',
      type: 'wasi.messaging.message',
      source: '/wcp/tab-1/guest-1',
      subject: 'orders.created',
      datacontenttype: 'application/json',
    });
    expect(envelope.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(Number.isNaN(Date.parse(envelope.time))).toBe(false);
    expect(structuredClone(envelope)).toEqual(envelope);
  });

  it('round-trips awkward metadata losslessly and exposes it as valid extensions', () => {
    const metadata: Array<[string, string]> = [
      ['Content-Lang', 'de'],
      ['x_y', '1'],
      ['x_y', '2'],
      ['id', 'not-the-event-id'],
      ['__', 'no usable extension name'],
      ['A-very-long-metadata-key-name', 'long'],
    ];
    const envelope = createEnvelope({ ...base, metadata, replyTo: '_inbox.abc' });
    expect(new CloudEvent(envelope).validate()).toBe(true);
    expect(envelope.contentlang).toBe('de');
    expect(envelope.xy).toBe('1');
    expect(envelope.mdid).toBe('not-the-event-id');
    expect(envelope.averylongmetadatakey).toBe('long');
    expect(envelope.id).not.toBe('not-the-event-id');
    const fields = readEnvelope(envelope);
    expect(fields).toEqual({ id: envelope.id, topic: 'orders.created', contentType: undefined, metadata, replyTo: '_inbox.abc' });
  });

  it('keeps "no metadata" distinct from "empty metadata"', () => {
    expect(readEnvelope(createEnvelope(base)).metadata).toBeUndefined();
    expect(readEnvelope(createEnvelope({ ...base, metadata: [] })).metadata).toEqual([]);
  });

  it('reads extensions of a foreign envelope as metadata', () => {
    const foreign = { id: '1', source: '/x', type: 't', specversion: '1.0', subject: 'a.b', traceparent: 'tp' };
    expect(readEnvelope(foreign).metadata).toEqual([['traceparent', 'tp']]);
    expect(() => readEnvelope({ id: '1' })).toThrow(/subject/);
  });

  it('normalises extension names', () => {
    expect(toExtensionName('Content-Lang')).toBe('contentlang');
    expect(toExtensionName('type')).toBe('mdtype');
    expect(toExtensionName('--')).toBeUndefined();
  });
});
