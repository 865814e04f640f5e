import { registerPanel } from '../panels/registerPanel';
import { WhereWouldThisRunPanel } from './WhereWouldThisRunPanel';

registerPanel({ id: 'where', title: 'Where would this run?', order: 85, Component: WhereWouldThisRunPanel });
