import { generateTypes } from '@bytecodealliance/jco-transpile/component';
import { analyzeWit } from './analyzeWit';

/** One TypeScript declaration file of a world's imports: its path among the others, and its text. */
export type GuestTypeFile = [path: string, text: string];

const decoder = new TextDecoder();

/**
 * TypeScript declarations of what a JavaScript or TypeScript guest of this WIT world can
 * import (jco's guest types: `declare module 'wasi:keyvalue/store@0.2.0-draft2' { … }`, with the
 * WIT's `///` comments as doc comments), for the editors: without them every WIT import was
 * `any`, so `bucket.` completed nothing and a TypeScript guest's `bucket.set('k', 'text')` was
 * not underlined. Needs jco's bindgen initialised (`$init`). Undefined when the WIT does not
 * analyse (the build reports why) or the bindgen cannot describe the world.
 */
export function generateGuestTypes(wit: string, world?: string): GuestTypeFile[] | undefined {
  const analysis = analyzeWit(wit, world);
  if (!analysis.ok) return undefined;
  try {
    const files = generateTypes('guest', { wit: { tag: 'source', val: analysis.world.source }, world: analysis.world.world, guest: true });
    return files.map(([path, bytes]): GuestTypeFile => [path, decoder.decode(bytes)]);
  } catch {
    return undefined;
  }
}
