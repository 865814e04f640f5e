import { expect, test, type Page } from '@playwright/test';
import { openApp } from './appHelpers';

// A teacher walks a class through every shipped example on a 1280×720 projector and points
// at the diagram: every guest, topic, store and container is drawn with its whole name, no
// two labels overlap, nothing leaves the drawing, and the timeline's lanes are named in full.
test.use({ viewport: { width: 1280, height: 720 } });

type Box = { x: number; y: number; w: number; h: number; name: string };
const intersects = (a: Box, b: Box) => a.x < b.x + b.w - 0.5 && b.x < a.x + a.w - 0.5 && a.y < b.y + b.h - 0.5 && b.y < a.y + a.h - 0.5;

/** Node kinds an example's interfaces must draw, besides its guests (by the example's id). */
function expectedKinds(id: string): string[] {
  const kinds: string[] = [];
  // Custom host code (the Host code tab) serves an interface of its own, drawn as a host node.
  if (/custom/.test(id)) return ['host'];
  if (/kv|counter|two-tabs|visit-log/.test(id)) kinds.push('store');
  if (/msg|wasmcloud|request|handler|delivery|pull/.test(id)) kinds.push('topic');
  if (/blob/.test(id)) kinds.push('container');
  return kinds;
}

/** Waits until the run is over (or serving) and its diagram stops changing. */
async function settle(page: Page, arrows: boolean): Promise<void> {
  await expect(page.getByTestId('status')).toHaveClass(/status-(idle|serving)/, { timeout: 240_000 });
  const edges = () => page.getByTestId('diagram-edge').evaluateAll((els) => els.map((e) => `${e.getAttribute('data-from')}>${e.getAttribute('data-to')}×${e.getAttribute('data-count')}`).join(','));
  let last = '';
  await expect
    .poll(async () => {
      const now = await edges();
      const stable = now === last && (now !== '' || !arrows);
      last = now;
      return stable;
    }, { timeout: 60_000, intervals: [800] })
    .toBe(true);
}

/** Everything the checks need, measured in the page. */
function measure(page: Page) {
  return page.evaluate(() => {
    const rect = (el: Element) => el.getBoundingClientRect();
    const flow = document.querySelector('[data-testid="flow-diagram"]')!;
    const stage = flow.querySelector('.flow-stage')!;
    const nodes = [...flow.querySelectorAll<HTMLElement>('[data-testid="diagram-node"]')].map((el) => {
      const r = rect(el);
      const label = el.querySelector<HTMLElement>('.flow-node-name')!;
      return { kind: el.dataset.kind!, name: el.dataset.name!, x: r.x, y: r.y, w: r.width, h: r.height, clipped: label.scrollWidth > label.clientWidth + 1 || label.scrollHeight > label.clientHeight + 1 };
    });
    const lanes = [...document.querySelectorAll<HTMLElement>('.tl-lane-name')].map((el) => {
      const r = rect(el);
      return { name: el.textContent ?? '', title: el.title, x: r.x, y: r.y, w: r.width, h: r.height, clipped: el.scrollWidth > el.clientWidth + 1 };
    });
    const f = rect(flow);
    const s = rect(stage);
    const timeline = rect(document.querySelector('.timeline')!);
    return { nodes, lanes, flow: { x: f.x, y: f.y, w: f.width, h: f.height }, stage: { x: s.x, y: s.y, w: s.width, h: s.height }, timeline: { x: timeline.x, w: timeline.width }, edges: document.querySelectorAll('[data-testid="diagram-edge"]').length };
  });
}

async function checkExample(page: Page, id: string): Promise<void> {
  await page.getByTestId('example-picker').selectOption(id);
  const guests = await page.getByTestId('guest-tab').count();
  // A command that only prints (p3-command) talks to no cloud interface: nothing to draw but itself.
  const arrows = !/command/.test(id);
  await page.getByTestId('run').click();
  await settle(page, arrows);
  const m = await measure(page);
  await page.screenshot({ path: test.info().outputPath(`diagram-${id}.png`) });
  const where = (what: string) => `${id}: ${what}`;
  if (arrows) expect(m.edges, where('arrows drawn')).toBeGreaterThan(0);
  expect(m.nodes.filter((n) => n.kind === 'guest').length, where('every guest drawn')).toBeGreaterThanOrEqual(Math.max(1, guests));
  for (const kind of expectedKinds(id)) expect(m.nodes.some((n) => n.kind === kind), where(`a ${kind} node`)).toBe(true);
  for (const n of m.nodes) {
    expect(n.clipped, where(`${n.kind} "${n.name}" shows its whole name`)).toBe(false);
    expect(n.x, where(`${n.name} inside the drawing (left)`)).toBeGreaterThanOrEqual(m.flow.x);
    expect(n.x + n.w, where(`${n.name} inside the drawing (right)`)).toBeLessThanOrEqual(m.flow.x + m.flow.w + 0.5);
    expect(n.y, where(`${n.name} inside the drawing (top)`)).toBeGreaterThanOrEqual(m.stage.y);
    expect(n.y + n.h, where(`${n.name} inside the drawing (bottom)`)).toBeLessThanOrEqual(m.stage.y + m.stage.h + 0.5);
  }
  for (let i = 0; i < m.nodes.length; i++) for (let j = i + 1; j < m.nodes.length; j++) expect(intersects(m.nodes[i]!, m.nodes[j]!), where(`"${m.nodes[i]!.name}" and "${m.nodes[j]!.name}" apart`)).toBe(false);
  // Timeline lanes: full names, apart, and reachable in the panel (it scrolls sideways when there are many).
  for (const l of m.lanes) {
    expect(l.clipped, where(`lane "${l.name}" shows its whole name`)).toBe(false);
    expect(l.title, where(`lane "${l.name}" names itself on hover`)).toContain(l.name);
  }
  for (let i = 0; i < m.lanes.length; i++) for (let j = i + 1; j < m.lanes.length; j++) expect(intersects(m.lanes[i]!, m.lanes[j]!), where(`lanes "${m.lanes[i]!.name}" and "${m.lanes[j]!.name}" apart`)).toBe(false);
}

async function exampleIds(page: Page, js: boolean): Promise<string[]> {
  const ids = await page.getByTestId('example-picker').locator('option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
  const isJs = (id: string) => /^(js-|ts-|wasmcloud)/.test(id);
  return ids.filter((id) => id !== 'scratch' && isJs(id) === js);
}

test('every WAT example draws every interaction legibly at 1280×720', async ({ page }) => {
  test.setTimeout(600_000);
  await openApp(page, '?example=kv-counter');
  await page.getByTestId('tab-diagram').click();
  const ids = await exampleIds(page, false);
  expect(ids.length).toBeGreaterThan(15);
  for (const id of ids) await checkExample(page, id);
});

test('every JavaScript example draws every interaction legibly at 1280×720', async ({ page }) => {
  test.setTimeout(900_000);
  await openApp(page, '?example=kv-counter');
  await page.getByTestId('tab-diagram').click();
  const ids = await exampleIds(page, true);
  expect(ids.length).toBeGreaterThanOrEqual(7);
  for (const id of ids) await checkExample(page, id);
});
