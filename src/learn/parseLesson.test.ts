import { describe, expect, it } from 'vitest';
import { diffLines } from '../platform/diffLines';
import { lessons } from './lessons/index';
import { handWritten } from './handWrittenLesson.testing';
import { LessonError, parseLesson, parseLessonFile } from './parseLesson';

describe('lesson format', () => {
  it('every shipped lesson is a valid lesson file, ids are unique, and each has a solution and hints', () => {
    expect(lessons.length).toBeGreaterThanOrEqual(12);
    for (const l of lessons) {
      expect(() => parseLesson(JSON.parse(JSON.stringify(l))), l.id).not.toThrow();
      expect(Object.keys(l.solution).length, l.id).toBeGreaterThan(0);
      expect(l.hints.length, l.id).toBeGreaterThan(0);
      expect(l.docs?.length, l.id).toBeGreaterThan(0);
    }
    expect(new Set(lessons.map((l) => l.id)).size).toBe(lessons.length);
  });

  it('a hand-written lesson file parses; every problem of a broken one is listed', () => {
    expect(parseLessonFile(JSON.stringify(handWritten)).id).toBe('my-first-lesson');
    const broken = { ...handWritten, id: 'Bad Id', hints: 'x', solution: { nobody: '' }, check: { expect: [{ kind: 'weird' }] } };
    try {
      parseLesson(broken);
      throw new Error('should not parse');
    } catch (e) {
      expect(e).toBeInstanceOf(LessonError);
      expect((e as LessonError).problems).toEqual([
        '"id" must be lower-case letters, digits and dashes',
        '"hints" must be a list of texts',
        '"solution" names a guest "nobody" that the lesson does not have',
        'check.expect[0].kind must be one of result, stdout, calls, messages, key, keys, blob, topicLog',
      ]);
    }
    expect(() => parseLessonFile('{ not json')).toThrow(/not valid JSON/);
  });

  it('diffs the learner code against the solution line by line', () => {
    expect(diffLines('a\nb\nc', 'a\nB\nc\nd', { ignoreTrailingSpace: true }).lines.map(({ kind, text }) => ({ kind, text }))).toEqual([
      { kind: 'same', text: 'a' },
      { kind: 'removed', text: 'b' },
      { kind: 'added', text: 'B' },
      { kind: 'same', text: 'c' },
      { kind: 'added', text: 'd' },
    ]);
  });
});
