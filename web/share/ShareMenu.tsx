import { useRef, useState } from 'react';
import { encodeComponentSegment, exportWorkspaceFile, readWorkspaceFile, ShareError, type Workspace } from '../../src/index';
import { copyText } from './copyText';
import { downloadBlob, workspaceFileName } from './downloadBlob';
import { shareLink } from './readShareHash';
import { withNatsServer } from '../backend/natsLink';
import { useDismissable } from './useDismissable';
import './share.css';
import { placePopover } from './placePopover';
import { OpenedComponentNote, type SharedComponentInfo } from './OpenedComponentNote';

interface Props {
  /** The workspace as it runs now (time limit included). */
  workspace: Workspace;
  name: string;
  onImport(workspace: Workspace, fileName: string): void;
  /** Shows an error in the notice bar (import failures). */
  onError(text: string): void;
  /** NATS server the hosts run on; the link names it (never credentials). */
  natsServer?: string;
  /** Guest tab being edited: the link opens on it. */
  activeGuest?: number;
  /** A .wasm opened over the workspace: not in the link, which the dialog says. */
  opened?: SharedComponentInfo;
}

type Copy = 'copied' | 'manual' | undefined;
// Some chat apps and browsers truncate very long URLs; past this, suggest a file instead.
const LONG_LINK = 8000;

/**
 * Share ▾: creates a link holding the whole workspace and copies it (falling back to a
 * selected text field), plus an embed snippet and workspace file export/import.
 */
export function ShareMenu({ workspace, name, onImport, onError, natsServer, activeGuest = 0, opened }: Props) {
  const ref = useDismissable();
  const linkField = useRef<HTMLInputElement>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const [link, setLink] = useState<{ url: string; embed: string; componentInLink: boolean } | { error: string }>();
  const [copy, setCopy] = useState<Copy>();

  const share = async () => {
    setCopy(undefined);
    try {
      // A small opened .wasm rides after the workspace (src/share/componentSegment.ts).
      const segment = opened ? encodeComponentSegment(opened) ?? '' : '';
      const withServer = (link: string) => (natsServer ? withNatsServer(link + segment, natsServer) : link + segment);
      const url = withServer(shareLink(workspace, location, false, activeGuest));
      const embed = `<iframe src="${withServer(shareLink(workspace, location, true, activeGuest))}" width="960" height="540" style="border:0" title="WASI Cloud Playground"></iframe>`;
      setLink({ url, embed, componentInLink: segment !== '' });
      const ok = await copyText(url);
      setCopy(ok ? 'copied' : 'manual');
      if (!ok) requestAnimationFrame(() => linkField.current?.select());
    } catch (e) {
      setLink({ error: e instanceof ShareError ? e.message : String(e) });
    }
  };

  const importFile = async (file: File | undefined) => {
    if (!file) return;
    if (ref.current) ref.current.open = false;
    const result = await readWorkspaceFile(file);
    if (result instanceof ShareError) onError(`Could not import "${file.name}": ${result.message} Nothing was changed.`);
    else onImport(result, file.name);
  };

  const exportFile = () => {
    try {
      downloadBlob(exportWorkspaceFile(workspace), workspaceFileName(name));
    } catch (e) {
      onError(`Could not export the workspace: ${e instanceof Error ? e.message : String(e)}`);
    }
  };

  return (
    <details className="share-menu" ref={ref} onToggle={(e) => e.currentTarget.open && (placePopover(e.currentTarget), void share())}>
      <summary data-testid="share" title="Share this workspace as a link, or export/import it as a file">
        Share
      </summary>
      <div className="share-popover" data-popover role="group" aria-label="Share workspace">
        {link && 'error' in link ? (
          <p className="share-error" role="alert">{link.error}</p>
        ) : (
          <>
            <label className="share-field">
              Link to this workspace
              <input ref={linkField} readOnly value={link?.url ?? ''} data-testid="share-link" onFocus={(e) => e.currentTarget.select()} />
            </label>
            <div className="share-row">
              <button type="button" data-testid="share-copy" onClick={() => void share()}>
                Copy link
              </button>
              <span className="share-status" data-testid="share-status" role="status">
                {copy === 'copied' ? 'Copied to clipboard.' : copy === 'manual' ? 'Copying was blocked: the link is selected, press Ctrl+C.' : ''}
              </span>
              <span className="muted" data-testid="share-length">
                {link ? `${link.url.length.toLocaleString('en')} characters` : ''}
              </span>
            </div>
            {opened && link && <OpenedComponentNote component={opened} inLink={link.componentInLink} />}
            {link && link.url.length > LONG_LINK && <p className="share-warn">This link is long; some apps cut long links. Export a file if it doesn't open.</p>}
            <label className="share-field">
              Embed in a page
              <input readOnly value={link?.embed ?? ''} data-testid="share-embed" onFocus={(e) => e.currentTarget.select()} />
            </label>
          </>
        )}
        <div className="share-row">
          <button type="button" data-testid="export-workspace" onClick={exportFile}>
            Export .json
          </button>
          <button type="button" data-testid="import-workspace" onClick={() => fileInput.current?.click()}>
            Import .json…
          </button>
          <input ref={fileInput} type="file" accept=".json,application/json" hidden data-testid="import-file" onChange={(e) => void importFile(e.target.files?.[0]).finally(() => (e.target.value = ''))} />
        </div>
      </div>
    </details>
  );
}
