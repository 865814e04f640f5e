import { useEffect, useState } from 'react';
import { joinCommandLine, splitCommandLine, validatePair } from '../../src/index';
import type { GuestHostsPatch } from '../panels/panelContext';
import { ListEditor } from './ListEditor';

/** The fields of a guest this editor reads. */
interface CommandGuest {
  name: string;
  args?: string[];
  env?: string[];
  stdin?: string;
}

interface Props {
  guest: CommandGuest;
  onChange?(patch: GuestHostsPatch): void;
}

/**
 * What a command (`wasi:cli/run`, or any guest reading `wasi:cli/environment` / stdin)
 * starts with: a command line whose first word is the program name, as a shell passes it,
 * environment variables and standard input. Empty command line = the guest's name alone.
 */
export function CommandInputs({ guest, onChange }: Props) {
  const line = joinCommandLine(guest.args ?? []);
  const [draft, setDraft] = useState(line);
  useEffect(() => setDraft((d) => (joinCommandLine(splitCommandLine(d)) === line ? d : line)), [line]);
  const [stdin, setStdin] = useState(guest.stdin ?? '');
  useEffect(() => setStdin(guest.stdin ?? ''), [guest.stdin]);
  return (
    <div className="hosts-command" data-testid="hosts-command">
      <label className="hosts-field">
        <span className="hosts-field-label">Command line (program name first, as a shell passes it)</span>
        <input
          type="text"
          className="hosts-input"
          data-testid="hosts-args"
          spellCheck={false}
          placeholder={guest.name}
          value={draft}
          readOnly={!onChange}
          onChange={(e) => {
            setDraft(e.target.value);
            onChange?.({ args: splitCommandLine(e.target.value) });
          }}
        />
      </label>
      <ListEditor label="Environment (NAME=value per line)" values={guest.env ?? []} validate={validatePair} onChange={onChange && ((env) => onChange({ env }))} placeholder="e.g. GREETING=hello" testId="hosts-env" />
      <label className="hosts-field">
        <span className="hosts-field-label">Standard input</span>
        <textarea
          data-testid="hosts-stdin"
          rows={Math.min(6, Math.max(2, stdin.split('\n').length))}
          spellCheck={false}
          placeholder="text the program reads from stdin"
          value={stdin}
          readOnly={!onChange}
          onChange={(e) => {
            setStdin(e.target.value);
            onChange?.({ stdin: e.target.value });
          }}
        />
      </label>
    </div>
  );
}

/** True when a guest's WIT makes it a command or lets it read its command inputs. */
export function readsCommandInputs(wit: string): boolean {
  return /\b(?:export|import)\s+wasi:cli\/(?:run|environment|stdin|command)\b/.test(wit) || /\binclude\s+wasi:cli\/command\b/.test(wit);
}

/** True when a guest's WIT imports wasi:config. */
export function readsConfig(wit: string): boolean {
  return /\bimport\s+wasi:config\/store\b/.test(wit);
}
