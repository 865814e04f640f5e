import { downloadBytes } from '../component/downloadBytes';

/** The opened component, as far as the share dialog needs it. */
export interface SharedComponentInfo {
  fileName: string;
  bytes: Uint8Array;
}

/**
 * Share dialog, while a .wasm is open: says plainly that the link does not carry it.
 * Components built elsewhere are often megabytes (a componentize-js one is ~10 MB), far past
 * what a URL survives in chats, so the link keeps the workspace and the file travels
 * separately; the button saves it right here so it can be sent along.
 */
export function OpenedComponentNote({ component }: { component: SharedComponentInfo }) {
  const size = component.bytes.length < 1024 * 1024 ? `${Math.max(1, Math.round(component.bytes.length / 1024))} KB` : `${(component.bytes.length / 1024 / 1024).toFixed(1)} MB`;
  return (
    <div className="share-opened" data-testid="share-opened-note">
      <p className="share-warn">
        The opened component <code>{component.fileName}</code> ({size}) is not in this link, nor are its Hosts-tab settings (arguments, subscriptions, config values). The link opens the workspace behind it. Send the file along: the recipient opens it with Open .wasm.
      </p>
      <button type="button" data-testid="share-download-component" onClick={() => downloadBytes(component.fileName, component.bytes, 'application/wasm')}>
        ⬇ {component.fileName}
      </button>
    </div>
  );
}
