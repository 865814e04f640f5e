import { benchDiagram } from './benchDiagram';
import { createFloodBench } from './benchFlood';
import { benchShareLinkRound } from './benchShareLink';

/** Page for the diagram frame-time and flood benchmarks; bench/run.mjs calls `window.wcpDiagramBench` / `window.wcpFlood`. */
const w = window as unknown as { wcpDiagramBench: typeof benchDiagram; wcpFlood: ReturnType<typeof createFloodBench>; wcpShareLink: typeof benchShareLinkRound };
w.wcpDiagramBench = benchDiagram;
w.wcpFlood = createFloodBench();
w.wcpShareLink = benchShareLinkRound;
