import { strFromU8, strToU8 } from 'fflate';
import { packChecked, unpackChecked, unpackUnchecked } from '../share/checkedData';
import { LESSON_FORMAT, type Lesson } from './lessonTypes';
import { LessonError, parseLessonFile } from './parseLesson';

/**
 * Lesson links: `?learn=<id>#l<version>.<data>`, the whole lesson in the hash.
 *
 * - `#l2.` (written): checked link data (../share/checkedData.ts) of utf8(JSON lesson), i.e.
 *   base64url(deflateRaw) + "." + the CRC-32 of the JSON. A mangled character can inflate to
 *   a lesson that still parses but whose task, solution or check quietly differ; the check
 *   reports it as damaged instead.
 * - `#l1.` (read forever, from before the check): base64url(deflateRaw(utf8(JSON))) alone.
 *
 * A new prefix rather than an optional check, for the reasons share links have one
 * (../share/encodeShare.ts, "Why v2"): a check that may be absent can be lost to the very
 * damage it is there to catch, and "." makes an unchecked reader refuse a checked link.
 */
export const LESSON_LINK_PREFIX = '#l2.';

const LESSON_HASH = /^#l(\d{1,6})\.([\s\S]*)$/;
/** Largest lesson a link may unpack to (zip-bomb guard); lessons are a few KB. */
const MAX_LESSON_BYTES = 4 * 1024 * 1024;
const readers: Readonly<Record<number, (text: string, maxBytes: number) => Uint8Array>> = { 1: unpackUnchecked, 2: unpackChecked };

/** The hash part of a link that opens `lesson` (use with `?learn`). */
export function encodeLessonHash(lesson: Lesson): string {
  return LESSON_LINK_PREFIX + packChecked(strToU8(JSON.stringify({ format: LESSON_FORMAT, ...lesson })));
}

/** True when a hash holds a lesson (any version, so a newer one is explained, not ignored). */
export const isLessonHash = (hash: string): boolean => LESSON_HASH.test(hash);

/** Decodes a lesson link's hash; damaged links throw LessonError with a readable reason. */
export function decodeLessonHash(hash: string): Lesson {
  const m = LESSON_HASH.exec(hash);
  if (!m) throw new LessonError(['the link does not hold a lesson']);
  const version = Number(m[1]);
  const read = Object.hasOwn(readers, version) ? readers[version] : undefined;
  if (!read) throw new LessonError([`the link uses lesson link format ${version}, which this version of the playground can't read. Reload the page to get the latest version`]);
  let text: string;
  try {
    text = strFromU8(read(m[2], MAX_LESSON_BYTES));
  } catch (e) {
    throw new LessonError([e instanceof Error ? e.message : String(e)]);
  }
  return parseLessonFile(text);
}
