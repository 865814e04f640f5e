import { registerPanel } from '../panels/registerPanel';
import { Debates2026Panel } from './Debates2026Panel';
import { DebatesPanel } from './DebatesPanel';

registerPanel({ id: 'debates', title: '2022 debates', order: 90, Component: DebatesPanel });
registerPanel({ id: 'debates-2026', title: '2026 debates', order: 91, Component: Debates2026Panel });
