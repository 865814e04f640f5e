import { registerPanel } from '../panels/registerPanel';
import { HostCodePanel } from './HostCodePanel';

registerPanel({ id: 'host-code', title: 'Host code', order: 75, Component: HostCodePanel });
