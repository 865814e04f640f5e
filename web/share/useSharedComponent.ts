import { useEffect, useRef } from 'react';
import type { SharedComponent } from '../../src/index';
import type { OpenedComponentState } from '../component/useOpenedComponent';
import type { HashRequest } from './readShareHash';
import { readShareHashOffThread } from './readShareHashOffThread';

/**
 * Opens the .wasm a share link carries (small components only, see componentSegment) over
 * the shared workspace, through the same analysis as Open .wasm, then applies its Hosts-tab
 * settings. At startup and for links pasted into the address bar later.
 */
export function useSharedComponent(first: HashRequest, component: OpenedComponentState): void {
  const { open, opened, updateSettings } = component;
  const pending = useRef<SharedComponent | undefined>(undefined);

  useEffect(() => {
    const openShared = (req: HashRequest) => {
      if (req.kind !== 'share' || !req.component) return;
      const c = req.component;
      pending.current = c;
      void open(new File([c.bytes as BlobPart], c.fileName, { type: 'application/wasm' }));
    };
    openShared(first);
    const onHash = () => void readShareHashOffThread(location.hash).then(openShared);
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, [first, open]);

  // Settings are kept per opened component, so they apply once it is open.
  useEffect(() => {
    const c = pending.current;
    if (!c || opened?.fileName !== c.fileName) return;
    pending.current = undefined;
    if (Object.keys(c.settings).length) updateSettings(c.settings);
  }, [opened, updateSettings]);
}
