import { describe, expect, it } from 'vitest';
import { parseLesson } from '../../src/index';
import { handWritten } from '../../src/learn/handWrittenLesson.testing';
import { decideLinkVersion } from './decideLinkVersion';
import { nextLessonOrigin } from './lessonOriginStore';

// The teacher fixes a check (v2) and shares a new link; the class has v1 from the first link.
const v1 = parseLesson({ ...handWritten, check: { expect: [{ kind: 'result', equals: 24 }] } });
const v2 = parseLesson(handWritten);

describe('decideLinkVersion', () => {
  it('stores a lesson not stored yet, and opens the stored one when it is the same', () => {
    expect(decideLinkVersion(undefined, v1, undefined)).toBe('add');
    expect(decideLinkVersion(v1, JSON.parse(JSON.stringify(v1)), nextLessonOrigin(undefined, v1, undefined, 'link'))).toBe('same');
  });
  it("takes the teacher's newer link over a version stored from a link", () => {
    expect(decideLinkVersion(v1, v2, nextLessonOrigin(undefined, v1, undefined, 'link'))).toBe('update');
  });
  it('keeps the newer version against a link to a version it replaced (an old link opened again)', () => {
    const afterUpdate = nextLessonOrigin(nextLessonOrigin(undefined, v1, undefined, 'link'), v2, v1, 'link');
    expect(afterUpdate.replaced).toHaveLength(1);
    expect(decideLinkVersion(v2, v1, afterUpdate)).toBe('older');
  });
  it("asks before a link replaces a lesson its user opened from a file, or one stored before origins were kept", () => {
    expect(decideLinkVersion(v1, v2, nextLessonOrigin(undefined, v1, undefined, 'file'))).toBe('ask');
    expect(decideLinkVersion(v1, v2, undefined)).toBe('ask');
  });
  it('a version taken back is no longer an earlier one', () => {
    const back = nextLessonOrigin(nextLessonOrigin(undefined, v2, v1, 'link'), v1, v2, 'link');
    expect(decideLinkVersion(v1, v2, back)).toBe('older');
    expect(back.replaced).toHaveLength(1);
  });
});
