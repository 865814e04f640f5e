import { describe, expect, it } from 'vitest';
import { examples } from '../examples/index';
import { workspaceFromExample } from '../workspace/workspaceTypes';
import { decodeShare, isShareHash } from './decodeShare';
import { detectUnknownLink, UNKNOWN_LINK_MESSAGE } from './detectUnknownLink';
import { encodeShare } from './encodeShare';

const unchanged = encodeShare(workspaceFromExample(examples[0]), examples);
const edited = workspaceFromExample(examples[0]);
edited.guests[0].source += '\n;; a line of my own, long enough to make the link long\n'.repeat(8);
const link = encodeShare(edited, examples);
const data = link.slice('#w2.'.length);
/** A link made before the check: data alone, no "." and CRC at the end. */
const unchecked = data.slice(0, data.lastIndexOf('.'));

describe('detectUnknownLink: hashes meant as links that no reader here takes', () => {
  it('has a real link to mangle', () => {
    expect(link.startsWith('#w2.')).toBe(true);
    expect(() => decodeShare(link)).not.toThrow();
    expect(data.length).toBeGreaterThan(100);
    expect(unchanged.length).toBeLessThan(50);
  });

  it('names a link whose prefix was changed: another letter, capitalised, a lost dot, a lost "#w2."', () => {
    for (const mangled of [`#x2.${data}`, `#W2.${data}`, `#w2${data}`, `#${data}`, `#L2.${data}`, `#w2,${data}`, `x2.${data}`]) {
      expect(isShareHash(mangled), mangled.slice(0, 6)).toBe(false);
      expect(detectUnknownLink(mangled), mangled.slice(0, 6)).toBe(UNKNOWN_LINK_MESSAGE);
    }
    // The shortest links there are, an unchanged example's: their check at the end tells them.
    const short = unchanged.slice(4);
    for (const mangled of [`#x2.${short}`, `#W2.${short}`, `#w2${short}`]) expect(detectUnknownLink(mangled), mangled).toBe(UNKNOWN_LINK_MESSAGE);
    // Long data without a check: a #w1. link, or a format still to come.
    for (const mangled of [`#W1.${unchecked}`, `#q7.${unchecked}`]) expect(detectUnknownLink(mangled), mangled.slice(0, 6)).toBe(UNKNOWN_LINK_MESSAGE);
    expect(UNKNOWN_LINK_MESSAGE).toMatch(/newer version .* cut or changed/);
  });

  it("leaves known formats to their readers, a newer version's included", () => {
    for (const known of [link, unchanged, `#w1.${unchecked}`, `#w9.${data}`, `#l2.${data}`, `#l9.${data}`]) expect(detectUnknownLink(known)).toBeUndefined();
  });

  it('never warns for no hash or a page anchor', () => {
    for (const anchor of ['', '#', '#top', '#section-2', '#w2', '#x2.AAAA', '#getting-started-with-the-cloud-interfaces', '#Chapter-12-Running-Your-First-Guest-Component', '#learn', '#present', '#embed', '#a b c d e f g h i j k l m n o p q r s t u v w x y z'])
      expect(detectUnknownLink(anchor), anchor).toBeUndefined();
  });
});
