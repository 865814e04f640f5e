import { useCallback, useState } from 'react';
import type { GuestHostsPatch } from '../panels/panelContext';
import type { ExportedFunction } from '../../src/index';
import { getBuildClient } from '../engine';
import { readComponentFile } from './readComponentFile';

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
      const read = await readComponentFile(file, (bytes) => getBuildClient().build('', { lang: 'component', bytes }, { slot: 'opened-component' }));
      if (read) setOpened(read);
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
