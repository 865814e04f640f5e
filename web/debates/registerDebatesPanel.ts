import { registerPanel } from '../panels/registerPanel';
import { DebatesPanel } from './DebatesPanel';

registerPanel({ id: 'debates', title: '2022 debates', order: 90, Component: DebatesPanel });
