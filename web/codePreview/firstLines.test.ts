import { describe, expect, it } from 'vitest';
import { firstLines, sizeText } from './firstLines';

describe('firstLines', () => {
  it('keeps short text whole and counts its lines', () => {
    expect(firstLines('a\nb\nc', 10)).toEqual({ text: 'a\nb\nc', lines: 3, totalLines: 3 });
    expect(firstLines('a\nb\n', 10)).toEqual({ text: 'a\nb\n', lines: 2, totalLines: 2 });
    expect(firstLines('', 10)).toEqual({ text: '', lines: 0, totalLines: 0 });
  });

  it('cuts after whole lines', () => {
    const src = Array.from({ length: 1000 }, (_, i) => `line ${i}`).join('\n');
    const view = firstLines(src, 400);
    expect(view.lines).toBe(400);
    expect(view.totalLines).toBe(1000);
    expect(view.text.endsWith('line 399\n')).toBe(true);
    expect(view.text.split('\n')).toHaveLength(401);
  });

  it('gives exactly max lines when the text has max lines', () => {
    expect(firstLines('a\nb', 2)).toEqual({ text: 'a\nb', lines: 2, totalLines: 2 });
  });
});

describe('sizeText', () => {
  it('names bytes, KB and MB', () => {
    expect(sizeText(1)).toBe('1 byte');
    expect(sizeText(812)).toBe('812 bytes');
    expect(sizeText(14540)).toBe('14.2 KB');
    expect(sizeText(1_572_864)).toBe('1.5 MB');
  });
});
