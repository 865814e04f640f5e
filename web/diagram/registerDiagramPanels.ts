import { HostsPanel } from '../hosts/HostsPanel';
import { InspectorPanel } from '../inspector/InspectorPanel';
import { registerPanel } from '../panels/registerPanel';
import { DiagramPanel } from './DiagramPanel';

/** Diagram (flow + timeline), Inspector and Hosts tabs; imported once from main.tsx. */
registerPanel({ id: 'diagram', title: 'Diagram', order: 30, Component: DiagramPanel, traceView: true });
registerPanel({ id: 'inspector', title: 'Inspector', order: 40, Component: InspectorPanel, traceView: true });
registerPanel({ id: 'hosts', title: 'Hosts', order: 60, Component: HostsPanel });
