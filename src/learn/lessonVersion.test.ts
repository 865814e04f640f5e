import { describe, expect, it } from 'vitest';
import { lessonVersion } from './lessonVersion';
import { lessons } from './lessons/index';

describe('lessonVersion', () => {
  const lesson = lessons[0]!;
  it('is the same for the same lesson, read again', () => {
    expect(lessonVersion(JSON.parse(JSON.stringify(lesson)))).toBe(lessonVersion(lesson));
  });
  it('differs when a check is fixed', () => {
    const fixed = { ...lesson, check: { ...lesson.check, expect: [...lesson.check.expect, { kind: 'stdout' as const, includes: 'x' }] } };
    expect(lessonVersion(fixed)).not.toBe(lessonVersion(lesson));
  });
  it('differs between the shipped lessons', () => {
    expect(new Set(lessons.map(lessonVersion)).size).toBe(lessons.length);
  });
});
