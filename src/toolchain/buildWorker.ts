/// <reference lib="webworker" />
import { $init as bindgenReady } from '@bytecodealliance/jco-transpile/component';
import { parse } from '@bytecodealliance/jco-transpile/wasm-tools';
import { validateBuildRequest, type BuildRequest, type BuildResponse } from '../protocol/buildProtocol';
import { buildComponent, messageOf, type ComponentizeGuest } from './buildComponent';

/**
 * Long-lived build worker: loads the toolchain once, then serves build requests one at a
 * time. A request superseded by a newer one before it starts is skipped, so typing fast
 * never queues stale builds.
 */
const scope = self as unknown as DedicatedWorkerGlobalScope;
const post = (msg: BuildResponse, transfer: Transferable[] = []) => scope.postMessage(msg, transfer);

const t0 = performance.now();
const ready = Promise.all([bindgenReady, parse('(module)')]).then(() => post({ type: 'ready', loadMs: performance.now() - t0 }));

/** Newest request per slot: an older queued request of the same slot is skipped. */
const latest = new Map<string, number>();
let chain: Promise<void> = Promise.resolve();

/** JS/TS guests need the SpiderMonkey engine (~10 MB): loaded on first use only. */
const componentizeJs: ComponentizeGuest = async (guest, world, progress) => {
  const mod = await import('./js/componentizeGuest');
  return mod.componentizeGuest(guest, world, progress);
};

scope.onmessage = (ev: MessageEvent<unknown>) => {
  const err = validateBuildRequest(ev.data);
  if (err) {
    post({ type: 'failed', seq: -1, diagnostics: [{ file: 'build', line: 1, column: 1, message: `build worker rejected a message: ${err}` }] });
    return;
  }
  const req = ev.data as BuildRequest;
  const slot = req.slot ?? 'main';
  latest.set(slot, Math.max(latest.get(slot) ?? -1, req.seq));
  chain = chain.then(() => handle(req));
};

async function handle(req: BuildRequest): Promise<void> {
  if (req.seq < (latest.get(req.slot ?? 'main') ?? -1)) return;
  await ready;
  try {
    const outcome = await buildComponent(req.wit, req.guest, {
      world: req.world,
      componentize: componentizeJs,
      progress: (stage, fraction) => post({ type: 'progress', seq: req.seq, stage, fraction }),
    });
    if (outcome.ok) post({ type: 'built', seq: req.seq, artifact: outcome.artifact });
    else post({ type: 'failed', seq: req.seq, diagnostics: outcome.diagnostics });
  } catch (e) {
    post({ type: 'failed', seq: req.seq, diagnostics: [{ file: 'build', line: 1, column: 1, message: `internal build error: ${messageOf(e)}` }] });
  }
}
