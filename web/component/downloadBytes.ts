import { zipSync } from 'fflate';

/** Saves bytes as a file through a temporary object URL (no server involved). */
export function downloadBytes(name: string, bytes: Uint8Array, type = 'application/octet-stream'): void {
  const url = URL.createObjectURL(new Blob([bytes as BlobPart], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  // Give the browser a moment to start the download before the URL goes away.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** jco's transpiled output (guest.js + core modules) as one zip, so it can be served as-is. */
export function zipFiles(files: ReadonlyArray<readonly [string, Uint8Array]>): Uint8Array {
  return zipSync(Object.fromEntries(files.map(([name, data]) => [name, data])));
}

/** A file-name-safe version of a guest name. */
export function safeFileName(name: string): string {
  return name.replace(/[^\w.-]+/g, '-').replace(/^-+|-+$/g, '') || 'guest';
}
