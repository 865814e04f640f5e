import { ConsolePanel } from '../ConsolePanel';
import { TracePanel } from '../TracePanel';
import { registerPanel } from './registerPanel';

/**
 * The output tabs shipped with the app. Later panels (Diagram, Inspector, Hosts, Share)
 * register from their own modules the same way and are imported next to this one in main.tsx.
 */
registerPanel({ id: 'console', title: 'Console', order: 10, Component: ConsolePanel });
registerPanel({ id: 'trace', title: 'Trace', order: 20, Component: TracePanel, traceView: true });
