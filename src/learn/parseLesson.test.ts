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

  it('a file with a misspelt field is refused with the field it probably means, instead of a check that ignores it', () => {
    const draft = {
      ...handWritten,
      guests: [{ ...handWritten.guests[0], calls: 'run' }],
      check: {
        run: 3,
        expect: [
          { kind: 'result', equal: 42 },
          { kind: 'key', bucket: 'b' },
          { kind: 'calls', fn: 'get', count: '1', guest: 'answr' },
          { kind: 'stdout', matches: '(' },
          { kind: 'calls', fnn: 'get' },
        ],
      },
    };
    // A link or a stored lesson made before these rules still opens: the class is not locked out.
    expect(() => parseLesson(draft)).not.toThrow(/equal/);
    let problems: string[] = [];
    try {
      parseLessonFile(JSON.stringify(draft), { strict: true });
    } catch (e) {
      problems = (e as LessonError).problems;
    }
    expect(problems).toEqual([
      'guests[0] ("answer") has a field "calls" that Check does not know (it would be ignored); did you mean "call"?',
      'check.expect[0] (result) has a field "equal" that Check does not know (it would be ignored); did you mean "equals"?',
      'check.expect[1] (key) needs "key" (text)',
      'check.expect[2] (calls).count must be a number (without quotes)',
      'check.expect[2] (calls).guest names a guest "answr" that the lesson does not have',
      expect.stringMatching(/^check\.expect\[3\] \(stdout\)\.matches is not a regular expression \(.+\)$/),
      'check.expect[4] (calls) has a field "fnn" that Check does not know (it would be ignored); did you mean "fn"?',
      '"check" has a field "run" that Check does not know (it would be ignored); did you mean "runs"?',
    ]);
    const noCaller = { ...handWritten, guests: [{ ...handWritten.guests[0], call: undefined }] };
    expect(() => parseLesson(noCaller, { strict: true })).toThrow(/judges what a guest returns, but no guest has a "call"/);
    // Every shipped lesson passes the strict reading too.
    for (const l of lessons) expect(() => parseLesson(JSON.parse(JSON.stringify(l)), { strict: true }), l.id).not.toThrow();
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
