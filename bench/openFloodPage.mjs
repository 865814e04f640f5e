// What the flood profilers (profileFlood.mjs, profileFloodAlloc.mjs) share: the built site
// (or --dist=dir) served on BENCH_PORT as the bench serves it (previewEnv), Debian's Chromium, and the flood page
// (bench/diagram.html) opened with its panel and prepared. `close()` stops both.
import { spawn } from 'node:child_process';
import { launchChromium, previewEnv } from './abSites.mjs';

/** `--name=value` from the command line. */
export const arg = (name) => process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);

/** Serves the site, opens bench/diagram.html?panel=… in a 900×900 page and prepares the flood. */
export async function openFloodPage(panel) {
  const port = Number(process.env.BENCH_PORT ?? 4336);
  const server = spawn('npx', ['vite', 'preview', '--port', String(port), '--strictPort', ...(arg('dist') ? ['--outDir', arg('dist')] : [])], { stdio: 'ignore', detached: true, env: previewEnv() });
  const url = `http://localhost:${port}/bench/diagram.html?panel=${panel}`;
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(url)).ok) break;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  const browser = await launchChromium();
  const close = async () => {
    await browser.close();
    try {
      process.kill(-server.pid);
    } catch {
      // Already gone.
    }
  };
  try {
    const page = await browser.newPage({ viewport: { width: 900, height: 900 } });
    await page.goto(url);
    await page.waitForFunction(() => typeof window.wcpFlood === 'object');
    await page.evaluate(() => window.wcpFlood.prepare());
    return { browser, page, close };
  } catch (e) {
    await close();
    throw e;
  }
}
