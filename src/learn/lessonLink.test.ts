import { deflateSync, strToU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { toBase64url } from '../share/base64url';
import { fourCharCorruption, refusalOf, silentlyChanged } from '../share/linkDamage.testing';
import { handWritten } from './handWrittenLesson.testing';
import { decodeLessonHash, encodeLessonHash, isLessonHash } from './lessonLink';
import { LessonError } from './parseLesson';

const hash = encodeLessonHash(handWritten as never);
/** The compressed lesson of `hash`, without its check: what a `#l1.` link carried. */
const data = hash.slice(4, hash.lastIndexOf('.'));

const problemOf = (text: string): string => refusalOf(decodeLessonHash, LessonError, text);

describe('lesson links', () => {
  it('round-trip a lesson, behind a checked #l2. prefix', () => {
    expect(hash).toMatch(/^#l2\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{6}$/);
    expect(isLessonHash(hash)).toBe(true);
    expect(decodeLessonHash(hash)).toEqual(handWritten);
  });

  it('made before the check (#l1.) still open as they did', () => {
    expect(decodeLessonHash(`#l1.${data}`)).toEqual(handWritten);
    const frozen = `#l1.${toBase64url(deflateSync(strToU8(JSON.stringify(handWritten)), { level: 9 }))}`;
    expect(decodeLessonHash(frozen)).toEqual(handWritten);
  });

  it('are refused, or open identically, after any one character anywhere is replaced', () => {
    const silent = silentlyChanged(hash, decodeLessonHash);
    expect(silent.length, `opened as another lesson, e.g.:\n${silent.slice(0, 3).join('\n')}`).toBe(0);
    // ~20,000 decodes: seconds on a busy machine.
  }, 60_000);

  it('are refused as damaged when mangled data still inflates to a valid, different lesson', () => {
    const unchecked = fourCharCorruption(data, (d) => {
      try {
        return JSON.stringify(decodeLessonHash(`#l1.${d}`)) !== JSON.stringify(handWritten);
      } catch {
        return false;
      }
    });
    expect(unchecked).toBeDefined();
    expect(problemOf(`#l2.${unchecked}${hash.slice(hash.lastIndexOf('.'))}`)).toMatch(/can't be opened: The link is damaged: its data does not match its check/);
  });

  it('say what is wrong with a missing, cut or wrong check, or a newer format', () => {
    expect(problemOf(`#l2.${data}`)).toMatch(/damaged: its check at the end is missing \(was it cut off\?\)/);
    expect(problemOf(hash.slice(0, -3))).toMatch(/damaged: its check at the end is cut short/);
    expect(problemOf(`${hash.slice(0, -6)}${hash.endsWith('AAAAAA') ? 'BAAAAA' : 'AAAAAA'}`)).toMatch(/damaged: its data does not match its check/);
    expect(problemOf(`${hash.slice(0, 20)}!`)).toMatch(/damaged/);
    expect(problemOf(hash.replace('#l2.', '#l1.'))).toMatch(/damaged: character "\." at position \d+ is not valid base64url/);
    expect(isLessonHash('#l9.x')).toBe(true);
    expect(problemOf('#l9.x')).toMatch(/lesson link format 9, which this version of the playground can't read/);
  });
});
