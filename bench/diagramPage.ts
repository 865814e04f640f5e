import { benchDiagram } from './benchDiagram';

/** Page for the diagram frame-time benchmark; bench/run.mjs calls `window.wcpDiagramBench`. */
(window as unknown as { wcpDiagramBench: typeof benchDiagram }).wcpDiagramBench = benchDiagram;
