// TypeScript guests are type-stripped in the browser, then built like JavaScript.
import { open } from 'wasi:keyvalue/store@0.2.0-draft2';

interface Visit {
  n: number;
  at: string;
}

/** wasi:keyvalue's error variant, as componentize-js hands it over in err.payload. */
type KeyvalueError = { tag: 'no-such-store' } | { tag: 'access-denied' } | { tag: 'other'; val: string };

const encoder = new TextEncoder();
const decoder = new TextDecoder();

function load(raw: Uint8Array | undefined): Visit[] {
  return raw ? (JSON.parse(decoder.decode(raw)) as Visit[]) : [];
}

export function run(): string {
  const bucket = open('visit-log');
  const visits = load(bucket.get('recent'));
  const n = (visits.at(-1)?.n ?? 0) + 1;
  const next: Visit[] = [...visits, { n, at: new Date().toISOString() }].slice(-5);
  try {
    bucket.set('recent', encoder.encode(JSON.stringify(next)));
  } catch (err) {
    const payload = (err as { payload: KeyvalueError }).payload;
    return `could not save: ${payload.tag}`;
  }
  for (const v of next) console.log(`#${v.n} at ${v.at}`);
  return `visit ${n}, keeping ${next.length}`;
}
