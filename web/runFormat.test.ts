import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../src/index';
import { buildErrorLines, notStartedStatus } from './runFormat';

describe('buildErrorLines', () => {
  it('says a mistake marked in both editors once, with the closest-name suggestion', () => {
    // What the build gives for `(func (export "Run") …)` where the world exports `run`.
    const run: Diagnostic[] = [
      { file: 'guest', line: 10, column: 17, endColumn: 22, message: 'found (export "Run"): did you mean "run"? The world exports run, but the module has no (export "run") (export names must match exactly, letter case too).' },
      { file: 'wit', line: 7, column: 10, endColumn: 13, companion: true, message: 'the world exports run, but the module has no (export "run"); it has (export "Run") on line 10: did you mean "run"?' },
    ];
    expect(buildErrorLines({ abi: run })).toEqual([{ guest: 'abi', text: `guest:10:17: ${run[0]!.message}` }]);
  });

  it('keeps distinct mistakes and guests apart, and a lone companion', () => {
    const wit: Diagnostic = { file: 'wit', line: 2, column: 3, message: 'expected `;`' };
    const build: Diagnostic = { file: 'build', line: 1, column: 1, message: 'transpile: boom' };
    const lone: Diagnostic = { file: 'wit', line: 4, column: 1, companion: true, message: 'odd' };
    expect(buildErrorLines({ a: [wit, build], b: [lone] })).toEqual([
      { guest: 'a', text: 'wit:2:3: expected `;`' },
      { guest: 'a', text: 'transpile: boom' },
      { guest: 'b', text: 'wit:4:1: odd' },
    ]);
  });
});

describe('notStartedStatus', () => {
  it('names every guest that could not start, not only the last', () => {
    expect(notStartedStatus(['counter'])).toBe('counter could not start');
    expect(notStartedStatus(['listener', 'speaker'])).toBe('listener and speaker could not start');
    expect(notStartedStatus(['all-orders', 'payments', 'order-service'])).toBe('all-orders, payments and order-service could not start');
    expect(notStartedStatus(['a', 'b', 'c', 'd', 'e'])).toBe('a, b and 3 more could not start');
  });
});
