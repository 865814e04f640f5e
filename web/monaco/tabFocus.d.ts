// Monaco's internal switch behind Ctrl+M (monaco-editor 0.57: esm/vs/editor/browser/config/tabFocus.js,
// reached through the package's "./*" export); the public API has no event for it.
declare module 'monaco-editor/editor/browser/config/tabFocus' {
  export const TabFocus: {
    getTabFocusMode(): boolean;
    setTabFocusMode(value: boolean): void;
    onDidChangeTabFocus(listener: (value: boolean) => void): { dispose(): void };
  };
}
