import { useEffect, useRef } from 'react';
import { CodePreview } from '../codePreview/CodePreview';

/**
 * Shown in place of a verdict when a lesson from a file or link wants to run its own check
 * script: what it is, the code itself, and a choice. Focus starts on "Check without it"
 * (the safe choice), as in the host-code prompt.
 */
export function CheckScriptPrompt({ script, onAnswer }: { script: string; onAnswer: (allow: boolean) => void }) {
  const safe = useRef<HTMLButtonElement>(null);
  const box = useRef<HTMLElement>(null);
  // Below the task on a 720 px screen: brought into view, from its heading, with the choice.
  useEffect(() => {
    box.current?.scrollIntoView({ block: 'start', behavior: 'instant' });
    // On a short screen (a browser zoomed to 150 %, an 800×500 embed) the prompt is taller than
    // the column: the choices, the focused one among them, stay in sight and the heading goes
    // above (it left the focus on a button below the screen and the code half shown).
    safe.current?.parentElement?.scrollIntoView({ block: 'nearest', behavior: 'instant' });
    safe.current?.focus({ preventScroll: true });
  }, []);
  return (
    <section ref={box} className="check-script" role="alertdialog" aria-labelledby="check-script-title" data-testid="check-script-prompt">
      <strong id="check-script-title">This lesson checks your work with its own code</strong>
      <p>
        It came with the lesson&apos;s file or link, not with the playground. If you allow it, it runs sandboxed: it sees only
        what your run did (results, output, calls), not your stored data, and cannot reach the network. Without it, Check runs
        the lesson&apos;s other checks but cannot pass you.
      </p>
      <CodePreview source={script} testId="check-script-code" className="code-preview check-script-code" />
      <div className="check-script-actions">
        <button type="button" className="primary" data-testid="check-script-allow" onClick={() => onAnswer(true)}>Allow and check</button>
        <button type="button" ref={safe} data-testid="check-script-skip" onClick={() => onAnswer(false)}>Check without it</button>
      </div>
    </section>
  );
}
