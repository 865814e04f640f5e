import { describe, expect, it, vi } from 'vitest';

// A server that keeps `bench.msg` in another namespace's stream refuses it here. What matters
// is what the playground does next, so the manager stands in for the server; that sends to
// such a subject still reach handlers on a real nats-server is the NATS e2e specs' job.
const calls = { info: 0, add: 0 };
vi.mock('@nats-io/jetstream', () => ({
  jetstreamManager: async () => ({
    streams: {
      info: async () => {
        calls.info += 1;
        throw new Error('stream not found');
      },
      add: async () => {
        calls.add += 1;
        throw new Error('subjects overlap with an existing stream');
      },
      update: async () => undefined,
    },
  }),
}));

const { createNatsStreams } = await import('./natsStreams');

describe('a subject the server refuses to keep', () => {
  it('is refused again without asking, so sends to it do not wait on the server each time', async () => {
    const streams = createNatsStreams({ nc: {} } as never, 'ns');
    expect(streams.decided('bench.msg')).toBe(false);
    await expect(streams.retain(['bench.msg'])).rejects.toThrow(/overlap/);
    expect(calls).toEqual({ info: 1, add: 1 });
    expect(streams.decided('bench.msg')).toBe(true);
    expect(streams.covers('bench.msg')).toBe(false);
    await expect(streams.retain(['bench.msg'])).rejects.toThrow(/overlap/);
    expect(calls).toEqual({ info: 1, add: 1 });
    // Another subject is still asked about.
    expect(streams.decided('orders.eu')).toBe(false);
    await expect(streams.retain(['orders.eu'])).rejects.toThrow(/overlap/);
    expect(calls).toEqual({ info: 2, add: 2 });
  });
});
