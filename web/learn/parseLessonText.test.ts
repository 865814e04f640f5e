import { describe, expect, it } from 'vitest';
import { lessons } from '../../src/index';
import { parseLessonText } from './parseLessonText';

describe('parseLessonText', () => {
  it('makes a paragraph of plain lines, joined by spaces', () => {
    expect(parseLessonText('one\ntwo\n\nthree')).toEqual([{ kind: 'p', text: 'one two' }, { kind: 'p', text: 'three' }]);
  });

  it('makes a list of a paragraph of "- " lines', () => {
    expect(parseLessonText('- a\n- b')).toEqual([{ kind: 'ul', items: ['a', 'b'] }]);
  });

  it('renders an intro line followed by "- " lines as the line, then the list', () => {
    expect(parseLessonText('Three promises:\n- **at-most-once**\n- at-least-once\n\nAfter.')).toEqual([
      { kind: 'p', text: 'Three promises:' },
      { kind: 'ul', items: ['**at-most-once**', 'at-least-once'] },
      { kind: 'p', text: 'After.' },
    ]);
  });

  it('continues an item with an indented line, and starts a paragraph after the list', () => {
    expect(parseLessonText('- a\n  more of a\n- b\nThen text.')).toEqual([
      { kind: 'ul', items: ['a more of a', 'b'] },
      { kind: 'p', text: 'Then text.' },
    ]);
  });

  it('keeps fenced code verbatim, "- " lines included', () => {
    expect(parseLessonText('Intro\n```\n- not a list\n  x\n```')).toEqual([{ kind: 'p', text: 'Intro' }, { kind: 'code', text: '- not a list\n  x' }]);
  });

  it('gives lesson 16 (delivery guarantees) a list of its three promises', () => {
    const text = lessons.find((l) => l.id === 'delivery-guarantees')!.text;
    const blocks = parseLessonText(text);
    expect(blocks[0]).toEqual({ kind: 'p', text: 'Under the same faulty network, three promises behave differently:' });
    expect(blocks[1]).toMatchObject({ kind: 'ul' });
    expect((blocks[1] as { items: string[] }).items).toHaveLength(3);
  });

  it('leaves no "- " item inside a paragraph of any shipped lesson', () => {
    for (const l of lessons) {
      for (const b of [l.text, l.task, ...l.hints].flatMap(parseLessonText)) {
        if (b.kind === 'p') expect(b.text, l.id).not.toMatch(/(^| )- \S/);
      }
    }
  });
});
