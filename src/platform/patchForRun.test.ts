import { describe, expect, it } from 'vitest';
import { wrapInterface, type CallSink } from '../runtime/wrapInterface';
import { patchForRun, restoreRunPatches } from './patchForRun';

/** A module-level host resource class, as the blobstore's and wasi:io's are. */
class Shared {
  static make() { return new Shared(); }
  read() { return 'bytes'; }
}
const ORIGINAL_READ = Shared.prototype.read;

describe('patches for one run (a recycled run worker restores them)', () => {
  it('restores what was there, and removes what was not', () => {
    const target: Record<string, unknown> = { a: 1 };
    patchForRun(target, 'a', 2);
    patchForRun(target, 'b', 3, true);
    patchForRun(target, 'a', 4);
    expect(target).toEqual({ a: 4 });
    expect(target.b).toBe(3);
    restoreRunPatches();
    expect(target).toEqual({ a: 1 });
    expect('b' in target).toBe(false);
  });

  it("sends a second run's calls on a shared class to that run's trace, not the first's", () => {
    const first: string[] = [];
    const second: string[] = [];
    const wrap = (out: string[]) => wrapInterface({ Shared } as never, { ifaceId: 'local:t/i', asyncImports: new Set(), sink: ((e) => out.push(e.fn)) as CallSink }) as { Shared: typeof Shared };
    wrap(first).Shared.make().read();
    restoreRunPatches();
    expect(Shared.prototype.read).toBe(ORIGINAL_READ);
    wrap(second).Shared.make().read();
    restoreRunPatches();
    expect(first).toEqual(['[static]shared.make', '[method]shared.read']);
    expect(second).toEqual(['[static]shared.make', '[method]shared.read']);
  });
});
