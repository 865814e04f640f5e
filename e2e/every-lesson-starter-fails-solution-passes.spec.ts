import { expect, test } from '@playwright/test';
import { openEngine } from './engineHelpers';

type Verdict = { pass: boolean; problems: string[]; passed: string[] };
type Learn = { ids: string[]; check(id: string, which: 'starter' | 'solution'): Promise<{ verdict?: Verdict; ms: number; stdout: string[] }> };

/**
 * The course's own test: for every shipped lesson, Check (the real in-browser build and run)
 * must reject the starter code with a reason, and accept the solution. A starter that
 * passes would be a lesson with nothing to learn.
 */
test('every shipped lesson: the starter fails its check and the solution passes', async ({ page }) => {
  test.setTimeout(Number(process.env.LESSON_TIMEOUT_MS ?? 480_000));
  await openEngine(page);
  const ids = await page.evaluate(() => (window as unknown as { wcpEngine: { learn: Learn } }).wcpEngine.learn.ids);
  expect(ids.length).toBeGreaterThanOrEqual(4);
  const only = process.env.LESSON_ONLY?.split(',');
  for (const id of ids.filter((i) => !only || only.includes(i))) {
    for (const which of ['starter', 'solution'] as const) {
      const out = await page.evaluate(([id, which]) => (window as unknown as { wcpEngine: { learn: Learn } }).wcpEngine.learn.check(id, which), [id, which] as const);
      console.log(`${id} ${which}: ${out.verdict?.pass ? 'PASS' : 'FAIL'} in ${out.ms} ms ${out.verdict?.problems.join(' | ') ?? ''}`);
      expect(out.verdict, `${id} ${which}`).toBeDefined();
      if (which === 'starter') {
        expect.soft(out.verdict!.pass, `${id}: the starter must fail its check`).toBe(false);
        expect.soft(out.verdict!.problems.length).toBeGreaterThan(0);
      } else {
        expect.soft(out.verdict!.problems, `${id}: the solution must pass`).toEqual([]);
      }
    }
  }
});
