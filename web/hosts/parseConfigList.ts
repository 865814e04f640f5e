/** A one-entry-per-line list typed by the user, checked line by line. */
export interface ParsedList {
  /** Trimmed, non-empty, de-duplicated entries in typed order. */
  values: string[];
  /** 1-based line numbers with the problem found there. */
  errors: { line: number; message: string }[];
}

/**
 * Splits `text` into lines and validates each non-blank one with `validate` (returns an
 * error message or undefined). Duplicates are reported: they would subscribe twice.
 */
export function parseConfigList(text: string, validate: (entry: string) => string | undefined): ParsedList {
  const values: string[] = [];
  const errors: ParsedList['errors'] = [];
  text.split('\n').forEach((raw, i) => {
    const entry = raw.trim();
    if (!entry) return;
    const problem = validate(entry) ?? (values.includes(entry) ? `"${entry}" is listed twice` : undefined);
    if (problem) errors.push({ line: i + 1, message: problem });
    else values.push(entry);
  });
  return { values, errors };
}

/** Bucket identifiers: any non-empty text without whitespace (the host compares exactly). */
export function validateBucketName(name: string): string | undefined {
  if (/\s/.test(name)) return `bucket "${name}" contains whitespace`;
  if (name.length > 200) return `bucket name is longer than 200 characters`;
  return undefined;
}

/** Package ids ("wasi:keyvalue@0.2.0-draft2") a guest's WIT imports, for the host list. */
export function importedPackages(wit: string): Set<string> {
  const out = new Set<string>();
  for (const m of wit.matchAll(/\bimport\s+([a-z][\w-]*:[a-z][\w-]*)\/[\w-]+(@[\w.+-]+)?/g)) out.add(`${m[1]}${m[2] ?? ''}`);
  return out;
}
