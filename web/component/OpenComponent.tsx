import { useRef, useState, type DragEvent, type ReactNode } from 'react';
import '../styles/component.css';

/** "Open .wasm" button: picks a component file from disk. */
export function OpenComponentButton({ onFile, busy }: { onFile(file: File): void; busy: boolean }) {
  const input = useRef<HTMLInputElement>(null);
  return (
    <>
      <button type="button" className="component-button" data-testid="open-component" disabled={busy} onClick={() => input.current?.click()} title="Run a WebAssembly component built elsewhere (drop a .wasm on the guest editor also works)">
        {busy ? 'Reading…' : 'Open .wasm'}
      </button>
      <input
        ref={input}
        type="file"
        accept=".wasm,application/wasm"
        data-testid="open-component-input"
        hidden
        onChange={(e) => {
          const file = e.target.files?.[0];
          e.target.value = ''; // opening the same file twice must fire again
          if (file) onFile(file);
        }}
      />
    </>
  );
}

/** Wraps the guest editor: dropping a `.wasm` file on it opens the component. */
export function ComponentDropZone({ onFile, children }: { onFile(file: File): void; children: ReactNode }) {
  const [over, setOver] = useState(false);
  const hasFile = (e: DragEvent) => Array.from(e.dataTransfer.types).includes('Files');
  return (
    <div
      className={`component-drop${over ? ' component-drop-over' : ''}`}
      data-testid="component-drop"
      onDragOver={(e) => {
        if (!hasFile(e)) return;
        e.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={(e) => {
        setOver(false);
        const file = e.dataTransfer.files[0];
        if (!file) return;
        e.preventDefault();
        onFile(file);
      }}
    >
      {children}
    </div>
  );
}
