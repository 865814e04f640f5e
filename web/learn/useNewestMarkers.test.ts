import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/index';
import { newestMarkers, type MarkerSources } from './useNewestMarkers';

const marker = (line: number): Diagnostic => ({ file: 'guest', line, column: 1, message: `at ${line}` });

describe('newestMarkers', () => {
  it('shows the markers of whatever ran last: a Check after a Run, a Run after a Check', () => {
    const run = { hello: [marker(3)] };
    let seen: MarkerSources = { run, check: {}, newest: run };
    const check = { hello: [marker(6)] };
    seen = newestMarkers(seen, run, check);
    expect(seen.newest).toBe(check);
    // A new render with nothing new keeps the Check's markers.
    expect(newestMarkers(seen, run, check).newest).toBe(check);
    const nextRun = {};
    expect(newestMarkers(seen, nextRun, check).newest).toBe(nextRun);
  });
});
