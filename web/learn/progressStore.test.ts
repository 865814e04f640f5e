import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { loadLearnData, readStoredProgress, updateProgress } from './progressStore';

/**
 * Two tabs share one IndexedDB: each writes only its change, merged with the stored record
 * in one transaction. Once a stale tab wrote its whole in-memory copy over a passed lesson.
 */
describe('updateProgress', () => {
  it('a stale tab typing after another tab passed does not undo the pass or its code', async () => {
    // Tab A passes; tab B, which never heard of it, then stores one typed line.
    await updateProgress('l1', (p) => ({ ...p, sources: { abi: 'solved' } }));
    await updateProgress('l1', (p) => ({ ...p, tried: true, done: true, passedCode: { abi: 'solved' }, firstPassedAt: p.firstPassedAt ?? 7 }));
    await updateProgress('l1', (p) => ({ ...p, sources: { ...p.sources, abi: 'starter ;; note' } }));
    const stored = await readStoredProgress('l1');
    expect(stored).toMatchObject({ done: true, tried: true, passedCode: { abi: 'solved' }, firstPassedAt: 7, sources: { abi: 'starter ;; note' } });
  });

  it('even a change that returns a whole stale copy cannot clear done', async () => {
    await updateProgress('l2', (p) => ({ ...p, done: true, tried: true, hints: 1 }));
    const stale = { v: 1 as const, sources: { g: 'mine' }, done: false, tried: false, hints: 0 };
    expect(await updateProgress('l2', () => stale)).toMatchObject({ done: true, tried: true, hints: 1, sources: { g: 'mine' } });
  });

  it('concurrent changes from two tabs are all kept', async () => {
    await Promise.all([
      updateProgress('l3', (p) => ({ ...p, sources: { ...p.sources, producer: 'A' } })),
      updateProgress('l3', (p) => ({ ...p, tried: true, done: true })),
      updateProgress('l3', (p) => ({ ...p, sources: { ...p.sources, 'producer:wit': 'B' } })),
      updateProgress('l3', (p) => ({ ...p, hints: Math.max(p.hints, 2) })),
    ]);
    expect(await readStoredProgress('l3')).toMatchObject({ done: true, tried: true, hints: 2, sources: { producer: 'A', 'producer:wit': 'B' } });
  });

  it('reads the passing code back with the course, and a record without it as before', async () => {
    const { progress } = await loadLearnData();
    expect(progress.l1?.passedCode).toEqual({ abi: 'solved' });
    expect(progress.l3?.passedCode).toBeUndefined();
  });
});

describe('saveLoadedLesson', () => {
  it('records where a lesson came from and the versions it replaced (an older link is known as such)', async () => {
    const { parseLesson, lessonVersion } = await import('../../src/index');
    const { handWritten } = await import('../../src/learn/handWrittenLesson.testing');
    const { saveLoadedLesson } = await import('./progressStore');
    const v1 = parseLesson({ ...handWritten, id: 'origin-test', check: { expect: [{ kind: 'result', equals: 24 }] } });
    const v2 = parseLesson({ ...handWritten, id: 'origin-test' });
    await saveLoadedLesson(v1, 'link');
    await saveLoadedLesson(v2, 'link');
    const { loaded, origins } = await loadLearnData();
    expect(loaded.find((l) => l.id === 'origin-test')).toEqual(v2);
    expect(origins['origin-test']).toEqual({ v: 1, from: 'link', replaced: [lessonVersion(v1)] });
  });
});
