import { expect, test } from '@playwright/test';
import { consoleText, openApp } from './appHelpers';
import { watComponent } from './fixtures/buildFixtures';

/**
 * A command that sleeps the WASI 0.2 way: it blocks on a `subscribe-duration` pollable of
 * wasi:clocks' monotonic clock, and checks with `now` that the wait lasted: `run` returns
 * `err` if 50 ms of sleep took less than 50 ms, or if a pollable for an instant already past
 * was not ready at once. Built at 0.2.0, as toolchains stamp it.
 */
const wit = `package local:nap;
world nap {
  import wasi:clocks/monotonic-clock@0.2.0;
  export wasi:cli/run@0.2.0;
}
package wasi:io@0.2.0 {
  interface poll {
    resource pollable {
      ready: func() -> bool;
      block: func();
    }
  }
}
package wasi:clocks@0.2.0 {
  interface monotonic-clock {
    use wasi:io/poll@0.2.0.{pollable};
    type instant = u64;
    type duration = u64;
    now: func() -> instant;
    subscribe-instant: func(when: instant) -> pollable;
    subscribe-duration: func(when: duration) -> pollable;
  }
}
package wasi:cli@0.2.0 {
  interface run {
    run: func() -> result;
  }
}`;

const wat = `(module
  (import "wasi:clocks/monotonic-clock@0.2.0" "now" (func $now (result i64)))
  (import "wasi:clocks/monotonic-clock@0.2.0" "subscribe-duration" (func $after (param i64) (result i32)))
  (import "wasi:clocks/monotonic-clock@0.2.0" "subscribe-instant" (func $at (param i64) (result i32)))
  (import "wasi:io/poll@0.2.0" "[method]pollable.ready" (func $ready (param i32) (result i32)))
  (import "wasi:io/poll@0.2.0" "[method]pollable.block" (func $block (param i32)))
  (import "wasi:io/poll@0.2.0" "[resource-drop]pollable" (func $drop (param i32)))
  (memory (export "memory") 1)
  (func (export "cabi_realloc") (param i32 i32 i32 i32) (result i32) (i32.const 1024))
  (func (export "wasi:cli/run@0.2.0#run") (result i32)
    (local $t0 i64) (local $p i32) (local $past i32) (local $slept i64)
    (local.set $t0 (call $now))
    (local.set $p (call $after (i64.const 50000000)))
    (call $block (local.get $p))
    (call $drop (local.get $p))
    (local.set $slept (i64.sub (call $now) (local.get $t0)))
    (local.set $past (call $at (local.get $t0)))
    (if (i32.eqz (call $ready (local.get $past))) (then (return (i32.const 1))))
    (call $drop (local.get $past))
    (i32.ne (i64.ge_u (local.get $slept) (i64.const 50000000)) (i32.const 1))))`;

test('a command sleeps on a wasi:clocks pollable, and the clock says it slept', async ({ page }) => {
  const nap = await watComponent(wit, 'nap', wat);
  await openApp(page);
  await page.getByTestId('open-component-input').setInputFiles({ name: 'nap.wasm', mimeType: 'application/wasm', buffer: nap });
  await expect(page.getByTestId('component-info')).toContainText('wasi:cli/run@0.2.0 → run()', { timeout: 40_000 });
  await page.getByTestId('run').click();
  await expect.poll(() => consoleText(page), { timeout: 20_000 }).toMatch(/run\(\) → (ok|err) · exit code/);
  const text = await consoleText(page);
  expect(text).toContain('run() → ok · exit code 0');
  // The run itself took the nap: its duration on the console line covers the 50 ms.
  const ms = Number(/run\(\) → ok · exit code 0\s*\((\d+) ms\)/.exec(text)?.[1]);
  expect(ms).toBeGreaterThanOrEqual(50);
});
