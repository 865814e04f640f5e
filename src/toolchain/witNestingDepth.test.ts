import { describe, expect, it } from 'vitest';
import { MAX_TYPE_DEPTH } from '../wit/parseWitTypes';
import { analyzeWit } from './analyzeWit';

describe('deeply nested WIT types', () => {
  it('100,000 nested lists give a nesting-depth error at the type that goes too deep, not a stack overflow', () => {
    const deep = 'list<'.repeat(100_000) + 'u8' + '>'.repeat(100_000);
    const out = analyzeWit(`package local:deep;\n\nworld deep {\n  export run: func(x: ${deep});\n}\n`);
    expect(out.ok).toBe(false);
    if (out.ok) return;
    expect(out.diagnostics).toHaveLength(1);
    const [d] = out.diagnostics;
    expect(d.message).toMatch(/nested more than 100 deep/);
    expect(d.line).toBe(4);
    expect(d.column).toBe('  export run: func(x: '.length + 1 + (MAX_TYPE_DEPTH + 1) * 'list<'.length);
  });

  it('nesting up to the limit still parses', () => {
    const ok = 'list<'.repeat(MAX_TYPE_DEPTH) + 'u8' + '>'.repeat(MAX_TYPE_DEPTH);
    expect(analyzeWit(`package local:deep;\n\nworld deep {\n  export run: func(x: ${ok});\n}\n`).ok).toBe(true);
  });
});
