import { describe, expect, it } from 'vitest';
import { examples } from '../examples/index';
import { workspaceFromExample, type Workspace } from '../workspace/workspaceTypes';
import { crc32 } from './checkedData';
import { decodeShareLink } from './decodeShare';
import { encodeShare } from './encodeShare';
import { ShareError } from './shareError';
import { fourCharCorruption, refusalOf, silentlyChanged } from './linkDamage.testing';

// A damaged link must never open as a different workspace: QA turned `;; MY STORED EDIT`
// into `;; MY S4jvID EDIT` by replacing four characters in the middle of a link.
const stored: Workspace = {
  guests: [{ name: 'mine', lang: 'wat', call: 'run', wit: 'package local:app;\n\nworld app {\n  export run: func() -> u32;\n}\n', source: '(module\n  ;; MY STORED EDIT\n  (func (export "run") (result i32)\n    i32.const 7))\n', subscriptions: [] }],
  hosts: { customHosts: {} },
  settings: { timeLimitMs: 5000 },
};

/** An example with a one-line edit in its second guest (a splice), opening on that tab. */
function editedExample(): { ws: Workspace; tab: number } {
  const ws = workspaceFromExample(examples.find((e) => e.guests.length >= 2)!);
  ws.guests[1].source = `// MY STORED EDIT\n${ws.guests[1].source}`;
  return { ws, tab: 1 };
}

const samples: Array<[string, () => { ws: Workspace; tab: number }]> = [
  ['a workspace of its own (full text)', () => ({ ws: stored, tab: 0 })],
  ['an edited example (a splice), on its second tab', editedExample],
];

const decode = (hash: string) => decodeShareLink(hash, examples);
/** `#w<n>.`, the compressed data, and what follows it (the check, when the link has one). */
const parts = (hash: string) => /^(#w\d+\.)([A-Za-z0-9_-]+)(.*)$/.exec(hash)!.slice(1) as [string, string, string];

const damageOf = (hash: string): string => refusalOf(decode, ShareError, hash);

it('checks with the standard CRC-32 (its check value)', () => {
  expect(crc32(new TextEncoder().encode('123456789'))).toBe(0xcbf43926);
  expect(crc32(new Uint8Array(0))).toBe(0);
});

describe.each(samples)('a share link of %s', (_name, sample) => {
  const { ws, tab } = sample();
  const hash = encodeShare(ws, examples, tab);

  it('round-trips', () => expect(decode(hash)).toEqual({ workspace: ws, activeGuest: tab }));

  it('is refused, or opens identically, after any one character anywhere is replaced', () => {
    const silent = silentlyChanged(hash, decode);
    expect(silent.length, `opened as another workspace, e.g.:\n${silent.slice(0, 3).join('\n')}`).toBe(0);
    // ~12,000 decodes: seconds on a busy machine.
  }, 30_000);

  it('is refused as damaged when mangled data still inflates to a valid, different workspace', () => {
    const [prefix, data, rest] = parts(hash);
    // The case the check is for: without one, this copy opens as a workspace that differs.
    const unchecked = fourCharCorruption(data, (d) => {
      try {
        return JSON.stringify(decode(`#w1.${d}`)) !== JSON.stringify(decode(`#w1.${data}`));
      } catch {
        return false;
      }
    });
    expect(unchecked).toBeDefined();
    expect(damageOf(prefix + unchecked + rest)).toMatch(/^The link is damaged: /);
  });

  it('still opens when made without a check, as links from before it were', () => {
    const [, data] = parts(hash);
    expect(decode(`#w1.${data}`)).toEqual({ workspace: ws, activeGuest: tab });
    expect(decode(`#w1.${data}).`)).toEqual({ workspace: ws, activeGuest: tab });
  });

  it('opens with what a chat app or Markdown glued to its end', () => {
    for (const tail of ['.', ')', ').', ',', '>', '%3E', '"', '%22', ']']) expect(decode(hash + tail)).toEqual({ workspace: ws, activeGuest: tab });
  });

  it('is reported as damaged when its check is wrong, cut short or missing', () => {
    const check = hash.slice(hash.lastIndexOf('.') + 1);
    expect(check).toMatch(/^[A-Za-z0-9_-]{6}$/);
    const wrong = check === 'AAAAAA' ? 'BAAAAA' : 'AAAAAA';
    expect(damageOf(hash.slice(0, -6) + wrong)).toMatch(/^The link is damaged: .*does not match its check/);
    expect(damageOf(hash.slice(0, -2))).toMatch(/^The link is damaged: .*cut off/);
    expect(damageOf(hash.slice(0, hash.lastIndexOf('.')))).toMatch(/^The link is damaged: .*cut off/);
  });

  it('is refused, not misread, by the decoder of unchecked links when its version digit is hit', () => {
    expect(damageOf(hash.replace(/^#w\d+\./, '#w1.'))).toMatch(/^The link is damaged: character "\." at position \d+ is not valid base64url/);
  });
});
