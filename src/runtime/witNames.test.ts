import { describe, expect, it } from 'vitest';
import { recyclesWhenStopped, servedInterfaces, servesP3Handler } from './witNames';

describe('which serving guests hand their worker on when stopped', () => {
  it('a message handler of wasi:messaging 0.2, wasmCloud or the 0.3 proposal does (a 0.3 one only with no task left: the worker checks)', () => {
    expect(recyclesWhenStopped(['wasi:messaging/incoming-handler@0.2.0-draft'])).toBe(true);
    expect(recyclesWhenStopped(['wasmcloud:messaging/handler@0.2.0', 'wasi:cli/run@0.2.3'])).toBe(true);
    expect(recyclesWhenStopped(['proposal:messaging-p3/incoming-handler@0.1.0', 'wasi:messaging/incoming-handler@0.2.0-draft'])).toBe(true);
    expect(servesP3Handler(['proposal:messaging-p3/incoming-handler@0.1.0'])).toBe(true);
    expect(servesP3Handler(['wasi:messaging/incoming-handler@0.2.0-draft'])).toBe(false);
  });

  it('a guest serving nothing, a watcher or a mix with one does not (only terminating ends those)', () => {
    expect(recyclesWhenStopped([])).toBe(false);
    expect(recyclesWhenStopped(['wasi:cli/run@0.2.3'])).toBe(false);
    expect(recyclesWhenStopped(['wasi:keyvalue/watcher@0.2.0-draft2'])).toBe(false);
    expect(recyclesWhenStopped(['proposal:messaging-p3/incoming-handler@0.1.0', 'wasi:keyvalue/watcher@0.2.0-draft2'])).toBe(false);
    expect(recyclesWhenStopped(['wasi:messaging/incoming-handler@0.2.0-draft', 'wasi:keyvalue/watcher@0.2.0-draft2'])).toBe(false);
    expect(servedInterfaces(['wasi:cli/run@0.3.0-rc-2025-09-16', 'x:y/z@1.0.0'])).toEqual(['x:y/z@1.0.0']);
  });
});
