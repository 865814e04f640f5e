import { describe, expect, it } from 'vitest';
import { editorToShow } from './useShowMarkedEditor';

const at = (file: 'wit' | 'guest' | 'build') => ({ file, line: 1, column: 1, message: 'x' });

describe('editorToShow', () => {
  it('brings the WIT forward when only it has markers and the guest is large', () => {
    expect(editorToShow('guest', [at('wit')])).toBe('wit');
    expect(editorToShow('wit', [at('guest'), at('build')])).toBe('guest');
  });

  it('leaves the focus when the large editor has markers too, or nothing is marked', () => {
    expect(editorToShow('guest', [at('wit'), at('guest')])).toBeUndefined();
    expect(editorToShow('wit', [at('wit')])).toBeUndefined();
    expect(editorToShow('guest', [at('build')])).toBeUndefined();
    expect(editorToShow('guest', [])).toBeUndefined();
  });

  it('never moves a large output or the normal three columns', () => {
    expect(editorToShow('output', [at('wit')])).toBeUndefined();
    expect(editorToShow(undefined, [at('wit')])).toBeUndefined();
  });
});
