// What every A/B script (abEngine, abFlood, abJsBuild, abJsBuildCpu) shares: two or more built
// sites served side by side, Debian's Chromium, rounds that alternate which site goes first,
// and the median of the project's figures (figureStats.mjs).
import { spawn } from 'node:child_process';
import { loadavg } from 'node:os';
import { chromium } from '@playwright/test';
import { median } from './figureStats.mjs';
export { median };

/** `name=dir` arguments (flags starting with `--` skipped) → sites on consecutive ports from AB_PORT or `firstPort`. */
export function sitesFrom(args, firstPort) {
  return args.filter((a) => !a.startsWith('--')).map((a, i) => {
    const [name, dir] = a.split('=');
    return { name, dir, port: Number(process.env.AB_PORT ?? firstPort) + i };
  });
}

/**
 * The environment of every bench `vite preview`: cross-origin isolated (5 µs clocks; see
 * vite.config.ts) unless WCP_ISOLATE=0 asks for the plain site.
 */
export const previewEnv = () => ({ ...process.env, WCP_ISOLATE: process.env.WCP_ISOLATE ?? '1' });

/** Serves each site with `vite preview` and waits until `path` answers on every one; returns the stop function. */
export async function serveSites(sites, path) {
  // A server left on a port (an earlier run's) would answer for the new site while
  // `--strictPort` makes the new one exit quietly: every figure would be of the wrong build.
  for (const v of sites) {
    const taken = await fetch(`http://localhost:${v.port}${path}`).then(() => true, () => false);
    if (taken) throw new Error(`port ${v.port} (site ${v.name}) already answers: stop what serves it (an earlier preview?) or set AB_PORT`);
  }
  const servers = sites.map((v) => spawn('npx', ['vite', 'preview', '--outDir', v.dir, '--port', String(v.port), '--strictPort'], { stdio: 'ignore', detached: true, env: previewEnv() }));
  for (const v of sites) {
    for (let i = 0; i < 100; i++) {
      try {
        if ((await fetch(`http://localhost:${v.port}${path}`)).ok) break;
      } catch {}
      await new Promise((r) => setTimeout(r, 200));
    }
  }
  return () => {
    for (const s of servers) {
      try {
        process.kill(-s.pid);
      } catch {
        // Already gone (the preview server exited first): nothing to stop, and the results stand.
      }
    }
  };
}

/** Debian's Chromium (CHROMIUM_PATH overrides) with the flags every test and bench here uses, and `extraArgs`. */
export const launchChromium = (extraArgs = []) =>
  chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', ...extraArgs] });

/**
 * One bench page (`/bench/index.html`) per site, engine ready, then `warm(page)` if given (a
 * first run whose compile and caches should not count in round 1). Name → page.
 */
export async function openEnginePages(browser, sites, warm) {
  const pages = new Map();
  for (const v of sites) {
    const page = await browser.newPage();
    await page.goto(`http://localhost:${v.port}/bench/index.html`);
    await page.evaluate(() => window.wcpEngine.ready);
    if (warm) await warm(page);
    pages.set(v.name, page);
  }
  return pages;
}

/** The sites in round `r`'s order: flipped every other round, so neither always goes first. */
export const inRoundOrder = (sites, r) => (r % 2 ? [...sites].reverse() : sites);

export const printLoad = (label = 'load') => console.log(label, loadavg().map((x) => x.toFixed(1)).join(' '));

/**
 * Prints per figure key and site the median with min–max of `res[site][key]`, sites in
 * `sites` order; with two sites also after/before of the medians (`b/a`).
 */
export function printResults(res, sites, { format = (x) => x.toPrecision(3), width = 28 } = {}) {
  const keys = [...new Set(Object.values(res).flatMap((o) => Object.keys(o)))].sort();
  for (const k of keys) {
    const cells = sites.map((v) => { const xs = res[v.name]?.[k] ?? []; return `${v.name} ${format(median(xs))} (${format(Math.min(...xs))}–${format(Math.max(...xs))})`; });
    const ab = sites.length === 2 ? `  b/a ${(median(res[sites[1].name]?.[k] ?? []) / median(res[sites[0].name]?.[k] ?? [])).toFixed(2)}` : '';
    console.log(k.padEnd(width), cells.join('   '), ab);
  }
}

/** {@link openEnginePages}'s warm-up for flood A/Bs: the flood probe's guests built and one flood of `n` run. */
export const warmFloodProbe = (n) => async (page) => {
  await page.evaluate(() => window.wcpEngine.floodProbe.prepare());
  await page.evaluate((k) => window.wcpEngine.floodProbe.guest(k), n);
};
