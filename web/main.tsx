import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { isShareHash } from '../src/index';
import { App } from './App';
import { OFF_THREAD_HASH_CHARS, readShareHashOffThread } from './share/readShareHashOffThread';
import './panels/builtinPanels';
import './diagram/registerDiagramPanels';
import './faults/registerFaultsPanel';
import './customHosts/registerHostCodePanel';
import './debates/registerDebatesPanel';
import './compat/registerCompatPanel';
import './styles.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
const mount = () =>
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
// A long share link is decoded in a worker before the app reads it (readStartup), so the
// page stays responsive and shows what it is doing meanwhile.
if (isShareHash(location.hash) && location.hash.length > OFF_THREAD_HASH_CHARS) {
  root.textContent = 'Opening the shared workspace…';
  void readShareHashOffThread(location.hash).then(() => {
    root.textContent = '';
    mount();
  });
} else mount();
