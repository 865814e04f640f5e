#!/usr/bin/env node
// Markdown table of one or more `npm run bench -- --json=…` runs (figures of later files
// replace same-id figures of earlier ones): `node bench/resultsTable.mjs a.json [b.json …]`.
// With `--merge=out.json` the combined run is also written there.
import { readFileSync, writeFileSync } from 'node:fs';
import { fmt } from './figureStats.mjs';

const files = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const mergeTo = process.argv.find((a) => a.startsWith('--merge='))?.slice(8);
const runs = files.map((f) => JSON.parse(readFileSync(f, 'utf8')));
const byId = new Map();
for (const run of runs) for (const f of run.figures) byId.set(f.id, f);
const figures = [...byId.values()];
const goalText = (g, unit) => (g ? `${g.op} ${g.value}${unit ? ` ${unit}` : ''}` : '');
console.log(`Run of ${runs.map((r) => r.date).join(', ')}; ${runs[0]?.rounds} rounds; load average ${runs.map((r) => r.loadavg.map((x) => x.toFixed(0)).join('/')).join(', ')} on ${runs[0]?.cores} cores.\n`);
console.log('| figure | ratio median (min–max) | goal | verdict | guest median | baseline median |');
console.log('|---|---|---|---|---|---|');
for (const f of figures) {
  const goal = f.goal ? goalText(f.goal) : f.absGoal ? `guest ${goalText(f.absGoal, f.unit)}` : '—';
  const verdict = f.goal ? f.verdict : f.absGoal ? f.absVerdict : '—';
  const flag = f.wide ? ' (spread too wide)' : '';
  console.log(`| \`${f.id}\` | ${fmt(f.ratio.median)} (${fmt(f.ratio.min)}–${fmt(f.ratio.max)})${flag} | ${goal} | ${verdict} | ${fmt(f.guest.median)} ${f.unit} | ${fmt(f.baseline.median)} ${f.unit} (${f.baselineName}) |`);
}
if (mergeTo) writeFileSync(mergeTo, JSON.stringify({ ...runs[runs.length - 1], date: runs.map((r) => r.date).join(', '), figures }, null, 2));
