import { crc32 } from '../share/checkedData';
import type { Lesson } from './lessonTypes';

/**
 * A short name for one version of a lesson: the CRC-32 of its JSON and the JSON's length.
 * Two versions differ in it whenever anything of the lesson differs (a check fixed, a
 * helper changed), so a verdict judged under one version is not shown under another, and
 * a browser can tell a version it already replaced (an older link) from a new one.
 */
export function lessonVersion(lesson: Lesson): string {
  const bytes = new TextEncoder().encode(JSON.stringify(lesson));
  return `${crc32(bytes).toString(16).padStart(8, '0')}-${bytes.length}`;
}
