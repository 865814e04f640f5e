import { useCallback, useState } from 'react';
import type { GuestHostsPatch } from '../panels/panelContext';
import type { Diagnostic, ExportedFunction } from '../../src/index';
import { getBuildClient } from '../engine';
import { formatDiagnostic } from '../runFormat';

/** A `.wasm` component opened from disk, analysed against the playground's hosts. */
export interface OpenedComponent {
  fileName: string;
  /** Guest name for the runner, trace and diagram (the file name without extension). */
  name: string;
  bytes: Uint8Array;
  /** The component's own WIT as wasm-tools prints it (shown read-only). */
  wit: string;
  exports: ExportedFunction[];
  exportedInterfaces: string[];
  importedInterfaces: string[];
  /** Why it can't run here (e.g. imports no host serves); empty when it can. */
  errors: string[];
}

/**
 * Host settings of the opened component, edited in the Hosts tab like any guest's:
 * subscriptions, buckets, command inputs, config values.
 */
export type OpenedGuestSettings = GuestHostsPatch & {
  /** Arguments for the called export, parsed from the typed inputs; undefined while any is invalid. */
  callArgs?: unknown[];
};

/** State of the "open a component" flow: the opened file, or the last open error. */
export interface OpenedComponentState {
  opened?: OpenedComponent;
  /** Settings of the opened component (kept per file name, so reopening a rebuilt file keeps them). */
  settings: OpenedGuestSettings;
  updateSettings(patch: OpenedGuestSettings): void;
  busy: boolean;
  open(file: File): Promise<void>;
  close(): void;
}

const NO_SETTINGS: OpenedGuestSettings = {};
const WASM_MAGIC = [0x00, 0x61, 0x73, 0x6d];

/**
 * Reads a component file and asks the build worker to analyse it (its own WIT, resolved
 * against the shipped packages). The bytes stay on the main thread for Run and download.
 */
export function useOpenedComponent(): OpenedComponentState {
  const [opened, setOpened] = useState<OpenedComponent>();
  const [busy, setBusy] = useState(false);
  const open = useCallback(async (file: File) => {
    setBusy(true);
    try {
      const bytes = new Uint8Array(await file.arrayBuffer());
      const name = file.name.replace(/\.wasm$/i, '') || 'component';
      const base: OpenedComponent = { fileName: file.name, name, bytes, wit: '', exports: [], exportedInterfaces: [], importedInterfaces: [], errors: [] };
      if (!WASM_MAGIC.every((b, i) => bytes[i] === b)) {
        setOpened({ ...base, errors: [`${file.name} is not a WebAssembly file (it does not start with \\0asm).`] });
        return;
      }
      const r = await getBuildClient().build('', { lang: 'component', bytes }, { slot: 'opened-component' });
      if (r.status === 'built') {
        const a = r.artifact;
        setOpened({ ...base, wit: a.componentWit, exports: a.exports, exportedInterfaces: a.exportedInterfaces, importedInterfaces: a.importedInterfaces });
      } else if (r.status === 'failed') {
        // A component that can't run here still shows its WIT: that is where the user sees why.
        setOpened({ ...base, wit: r.componentWit ?? '', errors: r.diagnostics.map((d: Diagnostic) => (d.file === 'guest' ? d.message : formatDiagnostic(d))) });
      }
    } finally {
      setBusy(false);
    }
  }, []);
  const close = useCallback(() => setOpened(undefined), []);
  const [byName, setByName] = useState<Record<string, OpenedGuestSettings>>({});
  const name = opened?.name;
  const updateSettings = useCallback((patch: OpenedGuestSettings) => {
    if (name !== undefined) setByName((m) => ({ ...m, [name]: { ...m[name], ...patch } }));
  }, [name]);
  return { opened, settings: (name !== undefined && byName[name]) || NO_SETTINGS, updateSettings, busy, open, close };
}
