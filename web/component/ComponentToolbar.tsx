import type { ExampleGuest } from '../../src/index';
import { DownloadButtons } from './DownloadButtons';
import { OpenComponentButton } from './OpenComponent';
import type { OpenedComponentState } from './useOpenedComponent';
import '../styles/component.css';

/** Open a `.wasm` from disk, download the current guest as .wasm or transpiled JS. */
export function ComponentToolbar({ guest, state }: { guest?: Pick<ExampleGuest, 'name' | 'lang' | 'wit' | 'source'>; state: OpenedComponentState }) {
  return (
    <div className="component-toolbar" data-testid="component-toolbar">
      <OpenComponentButton onFile={(f) => void state.open(f)} busy={state.busy} />
      <DownloadButtons guest={guest} opened={state.opened} />
    </div>
  );
}
