import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import './panels/builtinPanels';
import './diagram/registerDiagramPanels';
import './faults/registerFaultsPanel';
import './customHosts/registerHostCodePanel';
import './debates/registerDebatesPanel';
import './compat/registerCompatPanel';
import './styles.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
