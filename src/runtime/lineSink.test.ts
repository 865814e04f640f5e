import { describe, expect, it } from 'vitest';
import { lineSink } from './createWasiBase';

const enc = (s: string) => new TextEncoder().encode(s);

describe('lineSink', () => {
  it('does not add an empty line when the newline of a flushed line arrives as its own write', () => {
    const lines: string[] = [];
    const sink = lineSink((l) => lines.push(l));
    // componentize-js's console.log: text, flush, then "\n", flush.
    for (const part of ['hello', '\n', 'world', '\n']) {
      sink.write(enc(part));
      sink.flush();
    }
    expect(lines).toEqual(['hello', 'world']);
  });

  it('still shows deliberate empty lines and prompts', () => {
    const lines: string[] = [];
    const sink = lineSink((l) => lines.push(l));
    sink.write(enc('a\n\nb\n'));
    sink.write(enc('name? '));
    sink.flush();
    sink.write(enc('\n\n'));
    sink.flush();
    expect(lines).toEqual(['a', '', 'b', 'name? ', '']);
  });
});
