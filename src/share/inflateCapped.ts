import { Inflate } from 'fflate';
import { ShareError } from './shareError';

// Input is fed in small chunks so one push can expand to at most ~1 MB (DEFLATE's
// maximum ratio is ~1032:1): the cap is checked before memory use gets out of hand.
const INPUT_CHUNK = 1024;

class TooLarge extends Error {}

/** Raw-inflates `data`, giving up once the output passes `maxBytes` (zip-bomb guard). */
export function inflateCapped(data: Uint8Array, maxBytes: number): Uint8Array {
  const parts: Uint8Array[] = [];
  let total = 0;
  let done = false;
  const inflate = new Inflate((chunk, final) => {
    total += chunk.length;
    if (total > maxBytes) throw new TooLarge();
    parts.push(chunk);
    if (final) done = true;
  });
  try {
    for (let i = 0; i < data.length; i += INPUT_CHUNK) inflate.push(data.subarray(i, i + INPUT_CHUNK), i + INPUT_CHUNK >= data.length);
    if (data.length === 0) inflate.push(new Uint8Array(0), true);
  } catch (e) {
    if (e instanceof TooLarge) throw new ShareError(`The link's workspace is larger than ${(maxBytes / 1024 / 1024).toFixed(0)} MB when unpacked; refusing to open it.`);
    const why = e instanceof Error ? e.message : String(e);
    if (why === 'unexpected EOF') throw new ShareError('The link is damaged: its compressed data ends too early (was it cut off?).', { cause: e });
    throw new ShareError(`The link is damaged: its compressed data is invalid (${why}).`, { cause: e });
  }
  if (!done) throw new ShareError('The link is damaged: its compressed data ends too early (was it cut off?).');
  const out = new Uint8Array(total);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}
