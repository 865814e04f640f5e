import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';
import { browserBackend } from './browserBackend';

describe('the browser backend at the end of a run', () => {
  it('closes the change channels the run opened, so a recycled worker does not keep hearing them', async () => {
    const close = vi.spyOn(BroadcastChannel.prototype, 'close');
    const kv = browserBackend.kv(`test-backend-close-${process.pid}`, 'origin-1');
    // Without Web Locks (Node) every write is announced: the announcement opens the channel.
    kv.announce([{ op: 'set', bucket: 'b', key: 'k', value: new Uint8Array([1]) }]);
    expect(close).not.toHaveBeenCalled();
    await browserBackend.close();
    expect(close).toHaveBeenCalledTimes(1);
    await browserBackend.close();
    expect(close).toHaveBeenCalledTimes(1);
    close.mockRestore();
  });
});
