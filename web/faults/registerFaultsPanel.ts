import { registerPanel } from '../panels/registerPanel';
import { FaultsPanel } from './FaultsPanel';

registerPanel({ id: 'faults', title: 'Faults', order: 70, Component: FaultsPanel });
