/**
 * URL parameters that change how the app is shown (documented in the README):
 * - `?present`: presenter mode (large fonts, high contrast, simplified header).
 * - `?embed`: minimal chrome for an iframe: editors, Run and output; edits are not stored.
 * - `panel=<id>`: output tab to show first (e.g. `?embed&panel=diagram`).
 * - `example=<id>`: example to open (ignored when the hash holds a share link).
 * Both combine with a share hash: `?embed#w2.…`.
 */
export interface ViewMode {
  present: boolean;
  embed: boolean;
  panel?: string;
  example?: string;
}

/** A flag is on when present without a value or with anything but 0/false/no/off. */
function flag(params: URLSearchParams, name: string): boolean {
  if (!params.has(name)) return false;
  return !/^(0|false|no|off)$/i.test(params.get(name) ?? '');
}

const id = (value: string | null): string | undefined => (value && /^[a-z0-9][a-z0-9-]*$/i.test(value) ? value : undefined);

export function readViewMode(search: string): ViewMode {
  const params = new URLSearchParams(search);
  const panel = id(params.get('panel'));
  const example = id(params.get('example'));
  return { present: flag(params, 'present'), embed: flag(params, 'embed'), ...(panel ? { panel } : {}), ...(example ? { example } : {}) };
}

/** `search` with the `present` flag set or removed, keeping every other parameter. */
export function withPresentFlag(search: string, on: boolean): string {
  const params = new URLSearchParams(search);
  if (on) params.set('present', '');
  else params.delete('present');
  // URLSearchParams writes `present=`; the bare flag reads better in a shared URL.
  const text = params.toString().replace(/(^|&)present=(?=&|$)/, '$1present');
  return text ? `?${text}` : '';
}
