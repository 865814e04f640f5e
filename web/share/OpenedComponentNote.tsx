import { downloadBytes } from '../component/downloadBytes';
import type { SharedComponentSettings } from '../../src/index';

/** The opened component, as far as the share dialog needs it. */
export interface SharedComponentInfo {
  fileName: string;
  bytes: Uint8Array;
  settings: SharedComponentSettings;
}

/**
 * Share dialog, while a .wasm is open: says whether the link carries it. A small one (a
 * component made from WAT is a few KB) travels in the link with its Hosts-tab settings;
 * one built elsewhere is often megabytes (componentize-js: ~10 MB), far past what a URL
 * survives in chats, so the link keeps the workspace and the file travels separately: the
 * button saves it right here so it can be sent along.
 */
export function OpenedComponentNote({ component, inLink }: { component: SharedComponentInfo; inLink: boolean }) {
  const n = component.bytes.length;
  const size = n < 1024 * 1024 ? `${Math.max(1, Math.round(n / 1024))} KB` : `${(n / 1024 / 1024).toFixed(1)} MB`;
  return (
    <div className="share-opened" data-testid="share-opened-note" data-in-link={inLink}>
      {inLink ? (
        <p className="muted">
          The opened component <code>{component.fileName}</code> ({size}) and its Hosts-tab settings are in this link: it opens over the workspace, as here.
        </p>
      ) : (
        <p className="share-warn">
          The opened component <code>{component.fileName}</code> ({size}) is too large for a link, so it is not in it, nor are its Hosts-tab settings (arguments, subscriptions, config values). The link opens the workspace behind it. Send the file along: the recipient opens it with Open .wasm.
        </p>
      )}
      {!inLink && (
        <button type="button" data-testid="share-download-component" onClick={() => downloadBytes(component.fileName, component.bytes, 'application/wasm')}>
          ⬇ {component.fileName}
        </button>
      )}
    </div>
  );
}
