import { useEffect, useMemo, useRef, useState } from 'react';
import { CodePreview } from '../codePreview/CodePreview';
import { findHiddenCharacters } from '../../src/index';
import { compareWithShipped } from './compareWithShipped';
import { HiddenCharactersWarning } from './HiddenCharactersWarning';
import type { HostCodeItem } from './describeHostCode';
import { HostCodeDiff } from './HostCodeDiff';

/**
 * One host module in the trust prompt. When it is an edit of the example's own host code,
 * it says so and leads with the changed lines (one line added mid-file used to sit below the
 * fold of a 33-line listing, under "serves proposal:kv-ttl@0.1.0", looking shipped); the
 * whole file is one click away. Code with little of the example's left, or for a package
 * the example has no host code for, is shown whole as before.
 */
export function TrustItem({ item }: { item: HostCodeItem }) {
  const comparison = useMemo(() => (item.shipped === undefined ? undefined : compareWithShipped(item.shipped, item.source)), [item.shipped, item.source]);
  const [whole, setWhole] = useState(false);
  const sectionRef = useRef<HTMLElement>(null);
  // The button that asked for the whole file is gone: the focus goes to the file, not to the page.
  useEffect(() => void (whole && sectionRef.current?.querySelector<HTMLElement>('.trust-code')?.focus()), [whole]);
  const hidden = useMemo(() => findHiddenCharacters(item.source), [item.source]);
  const edit = comparison?.basedOn ? comparison : undefined;
  return (
    <section ref={sectionRef} className="trust-item" data-testid="trust-item" data-package={item.id}>
      <h3>
        {item.replaces ? <span className="trust-replaces">replaces the built-in {item.id} host</span> : <>serves {item.id}</>}
        {item.interfaces.length > 0 && <span className="trust-ifaces"> · interfaces {item.interfaces.join(', ')}</span>}
        {item.unused && <span className="trust-ifaces" data-testid="trust-unused"> · no guest here imports it: declining it stops nothing</span>}
      </h3>
      {hidden.length > 0 && <HiddenCharactersWarning found={hidden} />}
      {comparison && (
        <p className="trust-shipped" data-testid="trust-diff-summary">
          {edit ? (
            <>This is the example&apos;s own host code with <strong>{edit.summary}</strong>. What was changed:</>
          ) : (
            <>This is not the example&apos;s own host code: it replaces it, keeping {comparison.kept.toLocaleString('en')} of its {comparison.shippedLines.toLocaleString('en')} lines.</>
          )}
        </p>
      )}
      {edit && <HostCodeDiff comparison={edit} onShowWhole={() => setWhole(true)} />}
      {edit && !whole ? (
        <button type="button" className="trust-show-whole" data-testid="trust-show-whole" onClick={() => setWhole(true)}>
          Show the whole file
        </button>
      ) : (
        <CodePreview source={item.source} testId="trust-code" className="code-preview trust-code" />
      )}
    </section>
  );
}
