/**
 * Copies `text` to the clipboard. The async Clipboard API exists only in secure contexts, so on
 * a plain-http classroom address this falls back to the older `execCommand('copy')` on a
 * hidden field (still allowed there inside the click). Resolves false when the browser refuses
 * both: callers then show the text selected for Ctrl+C.
 */
export async function copyText(text: string): Promise<boolean> {
  if (navigator.clipboard?.writeText) {
    try {
      await navigator.clipboard.writeText(text);
      return true;
    } catch {
      // Permission refused: try the legacy path below.
    }
  }
  return copyWithSelection(text);
}

function copyWithSelection(text: string): boolean {
  const field = document.createElement('textarea');
  field.value = text;
  field.setAttribute('readonly', '');
  // Off-screen but focusable: a display:none field cannot be selected.
  field.style.cssText = 'position:fixed;top:0;left:-9999px;opacity:0';
  const before = document.activeElement as HTMLElement | null;
  document.body.append(field);
  try {
    field.select();
    return document.execCommand('copy');
  } catch {
    return false;
  } finally {
    field.remove();
    before?.focus?.();
  }
}
