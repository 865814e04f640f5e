import type { CliConfig } from '../hosts/hostContract';

/** The guest fields that feed `wasi:cli` and `wasi:config` (WorkspaceGuest / ExampleGuest). */
export interface GuestHostInputs {
  args?: string[];
  env?: string[];
  stdin?: string;
  config?: string[];
}

/** `NAME=value` → [name, value]; the value may itself contain `=`. Undefined without a `=` or a name. */
export function splitPair(line: string): [string, string] | undefined {
  const at = line.indexOf('=');
  if (at <= 0) return undefined;
  return [line.slice(0, at).trim(), line.slice(at + 1)];
}

/** Checks one `NAME=value` entry of the environment or config list; undefined when fine. */
export function validatePair(line: string): string | undefined {
  const pair = splitPair(line);
  if (!pair) return `"${line}" is not NAME=value`;
  if (/\s/.test(pair[0])) return `name "${pair[0]}" contains whitespace`;
  return undefined;
}

/** HostConfig.cli for a guest; undefined when nothing was set (the host then passes the program name only). */
export function cliConfigOf(g: GuestHostInputs): CliConfig | undefined {
  if (!g.args?.length && !g.env?.length && !g.stdin) return undefined;
  return { args: [...(g.args ?? [])], env: pairsOf(g.env), stdin: g.stdin ?? '' };
}

/** HostConfig.config for a guest; undefined when it has no values. */
export function configValuesOf(g: GuestHostInputs): [string, string][] | undefined {
  return g.config?.length ? pairsOf(g.config) : undefined;
}

function pairsOf(lines: readonly string[] | undefined): [string, string][] {
  return (lines ?? []).map(splitPair).filter((p): p is [string, string] => p !== undefined);
}

/**
 * Splits a command line as a POSIX shell would for plain words: whitespace separates,
 * '…' keeps everything literally, "…" keeps spaces and honours \" and \\. Used for the
 * Hosts tab's one-line argument field, whose first word is the program name.
 */
export function splitCommandLine(text: string): string[] {
  const out: string[] = [];
  let word = '';
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === "'") {
      const end = text.indexOf("'", i + 1);
      word += end < 0 ? text.slice(i + 1) : text.slice(i + 1, end);
      i = end < 0 ? text.length : end;
      inWord = true;
    } else if (ch === '"') {
      inWord = true;
      for (i++; i < text.length && text[i] !== '"'; i++) {
        if (text[i] === '\\' && (text[i + 1] === '"' || text[i + 1] === '\\')) i++;
        word += text[i];
      }
    } else if (ch === '\\' && i + 1 < text.length) {
      word += text[++i];
      inWord = true;
    } else if (/\s/.test(ch)) {
      if (inWord) out.push(word);
      word = '';
      inWord = false;
    } else {
      word += ch;
      inWord = true;
    }
  }
  if (inWord) out.push(word);
  return out;
}

/** The inverse of {@link splitCommandLine} for display: words with spaces or quotes are quoted. */
export function joinCommandLine(args: readonly string[]): string {
  return args.map((a) => (a === '' || /[\s'"\\]/.test(a) ? `'${a.replace(/'/g, `'\\''`)}'` : a)).join(' ');
}
