import { expect, test } from '@playwright/test';
import { openEngine } from './engineHelpers';

const wit = `package local:spin;
world spin {
  export run: func();
}`;
const wat = `(module
  (memory (export "memory") 1)
  (func (export "run") (loop $forever (br $forever))))`;

test('an infinite loop is stopped at the time limit and the page stays responsive', async ({ page }) => {
  await openEngine(page);
  const started = Date.now();
  const pending = page.evaluate(
    async ({ wit, wat }) => {
      const engine = (window as unknown as { wcpEngine: { build: Function; run: Function } }).wcpEngine;
      const { artifact } = await engine.build(wit, 'wat', wat);
      return engine.run(artifact, { call: 'run', timeLimitMs: 1500 });
    },
    { wit, wat },
  );
  // While the guest spins in its worker, the page keeps answering.
  await page.waitForTimeout(300);
  expect(await page.evaluate(() => 1 + 1)).toBe(2);
  const result = (await pending) as { state: string; trap?: string };
  expect(result.state).toBe('timeout');
  expect(result.trap).toContain('time limit');
  expect(Date.now() - started).toBeLessThan(10_000);
});
