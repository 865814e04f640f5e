import { encodeShare, workspaceFromExample } from '../src/index';
import { appExamples } from '../web/state/appWorkspaces';
import { readShareHash } from '../web/share/readShareHash';
import { readShareHashOffThread } from '../web/share/readShareHashOffThread';

/** What opening one large share link did to the main thread. */
export interface ShareLinkResult {
  /** Longest main-thread task while the app's path decoded the link (off the main thread). */
  longestTaskMs: number;
  /** Same page, idle for as long: the baseline. */
  idleLongestTaskMs: number;
  /** Decoding the same link on the main thread (how the app did it before), one task. */
  onPageMs: number;
  /** Wall time of the off-thread decode (worker start included). */
  decodeMs: number;
  linkChars: number;
}

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** A link of about `chars` characters: a guest source of random text barely compresses. */
function bigLink(chars: number, salt: number): string {
  const ws = workspaceFromExample(appExamples[0]);
  const n = Math.floor(chars * 0.93);
  let text = `// bench ${salt}\n`;
  const line: string[] = [];
  for (let i = 0; i < n; i++) {
    line.push(ALPHABET[(Math.random() * 64) | 0]);
    if (line.length === 100) text += `// ${line.splice(0).join('')}\n`;
  }
  ws.guests[0] = { ...ws.guests[0], source: text };
  return encodeShare(ws, appExamples, 0);
}

/** Longest long task (PerformanceObserver 'longtask') while `work` runs, plus 100 ms after. */
async function longestDuring(work: () => Promise<unknown>): Promise<{ longest: number; ms: number }> {
  let longest = 0;
  const observer = new PerformanceObserver((list) => {
    for (const e of list.getEntries()) longest = Math.max(longest, e.duration);
  });
  observer.observe({ type: 'longtask', buffered: false });
  const t0 = performance.now();
  await work();
  const ms = performance.now() - t0;
  await new Promise((r) => setTimeout(r, 100));
  observer.disconnect();
  return { longest, ms };
}

const settle = () => new Promise((r) => setTimeout(r, 300));

/**
 * One round: builds a fresh ~`chars`-character link (so no cache helps), lets the page
 * settle, then measures the app's decode path (a worker) against the page idle for
 * `idleMs` (before or after it, alternating across rounds), and times the old on-page decode once. Throws if the link does not open or a
 * corrupted copy of it is not reported as damaged with the codec's message.
 */
export async function benchShareLinkRound(chars: number, salt: number, idleFirst = false, idleMs = 1000): Promise<ShareLinkResult> {
  const hash = bigLink(chars, salt);
  await settle();
  const idleSide = async () => {
    const r = await longestDuring(() => new Promise((resolve) => setTimeout(resolve, idleMs)));
    await settle();
    return r;
  };
  const idleBefore = idleFirst ? await idleSide() : undefined;
  let opened: Awaited<ReturnType<typeof readShareHashOffThread>> | undefined;
  const off = await longestDuring(async () => (opened = await readShareHashOffThread(hash)));
  if (opened?.kind !== 'share') throw new Error(`the bench link did not open: ${JSON.stringify(opened).slice(0, 200)}`);
  await settle();
  const idle = idleBefore ?? (await idleSide());
  await settle();
  const t0 = performance.now();
  const direct = readShareHash(hash);
  const onPageMs = performance.now() - t0;
  if (direct.kind !== 'share') throw new Error('the bench link did not open on the page');
  // A corrupted copy (a chunk cut out of the middle) still gets its clear message.
  const cut = hash.slice(0, hash.length >> 1) + hash.slice((hash.length >> 1) + 4001);
  const damaged = await readShareHashOffThread(cut);
  if (damaged.kind !== 'damaged' || !/damaged|could not be read/i.test(damaged.message)) throw new Error(`a corrupt bench link was not reported as damaged: ${JSON.stringify(damaged).slice(0, 200)}`);
  return { longestTaskMs: off.longest, idleLongestTaskMs: idle.longest, onPageMs, decodeMs: off.ms, linkChars: hash.length };
}
