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
// A merged table holds parts of several runs: the rounds each figure had, not the first run's.
const counts = [...new Set(figures.map((f) => f.rounds ?? runs[0]?.rounds))].sort((a, b) => a - b);
const roundsText = counts.length > 1 ? `${counts[0]}–${counts[counts.length - 1]} rounds per figure` : `${counts[0]} rounds`;
console.log(`Run of ${runs.map((r) => r.date).join(', ')}; ${roundsText}; load average ${runs.map((r) => r.loadavg.map((x) => x.toFixed(0)).join('/')).join(', ')}${runs.some((r) => String(r.date).includes(',')) ? ' (a merged file keeps its last part\'s)' : ''} on ${runs[0]?.cores} cores.\n`);
console.log('| figure | ratio median (min–max) | goal | verdict | guest median | baseline median |');
console.log('|---|---|---|---|---|---|');
for (const f of figures) {
  const goal = f.goal ? goalText(f.goal) : f.absGoal ? `guest ${goalText(f.absGoal, f.unit)}` : '—';
  const verdict = f.goal ? f.verdict : f.absGoal ? f.absVerdict : '—';
  const flag = f.wide ? ' (spread too wide)' : '';
  console.log(`| \`${f.id}\` | ${fmt(f.ratio.median)} (${fmt(f.ratio.min)}–${fmt(f.ratio.max)})${flag} | ${goal} | ${verdict} | ${fmt(f.guest.median)} ${f.unit} | ${fmt(f.baseline.median)} ${f.unit} (${f.baselineName}) |`);
}
if (mergeTo) writeFileSync(mergeTo, JSON.stringify({ ...runs[runs.length - 1], date: runs.map((r) => r.date).join(', '), figures }, null, 2));
