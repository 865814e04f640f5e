import { benchDiagram } from './benchDiagram';
import { createFloodBench } from './benchFlood';

/** Page for the diagram frame-time and flood benchmarks; bench/run.mjs calls `window.wcpDiagramBench` / `window.wcpFlood`. */
const w = window as unknown as { wcpDiagramBench: typeof benchDiagram; wcpFlood: ReturnType<typeof createFloodBench> };
w.wcpDiagramBench = benchDiagram;
w.wcpFlood = createFloodBench();
