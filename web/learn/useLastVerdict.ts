import { useCallback, useEffect, useMemo, useState } from 'react';
import { learnerGuests, lessonVersion, type ExampleGuest, type Lesson, type Verdict } from '../../src/index';
import type { CheckOutput } from './printedLines';
import { forgetLastVerdict, loadLastVerdict, saveLastVerdict, type StoredVerdict } from './verdictStore';

/** The lesson's last Check as kept across reloads. */
export interface LastVerdict {
  /** The verdict of a Check made before this page was loaded, while the code and the lesson are what it judged. */
  before: StoredVerdict | undefined;
  /** Keeps a Check's verdict with the code it judged (replacing the lesson's last one). */
  remember(verdict: Verdict, output: CheckOutput, code: Record<string, string>): void;
  /** Forgets the lesson's last verdict (Reset lesson). */
  forget(): void;
}

/** The same code in every guest (what the editors show). */
const sameCode = (a: ExampleGuest[], b: ExampleGuest[]) => a.length === b.length && a.every((g, i) => g.source === b[i]?.source && g.wit === b[i]?.wit);

/**
 * A student who pressed Check and reloaded the page saw no verdict, though nothing had
 * changed. The last verdict of each lesson is stored with the code it judged and the
 * lesson's version (verdictStore.ts); after a reload it is shown again, marked as from
 * before, while both are unchanged, and dropped (from storage too) at the first edit or
 * once the lesson is another version (a teacher's fixed check judges differently).
 * `ready`: the learner's stored code is read (before that the editors hold the starter,
 * which must not count as a change).
 */
export function useLastVerdict(lesson: Lesson | undefined, guests: ExampleGuest[], ready: boolean): LastVerdict {
  // `fresh`: given by a Check in this page (shown as the live verdict, not as "from before").
  const [last, setLast] = useState<{ id: string; record: StoredVerdict; fresh: boolean }>();
  const id = lesson?.id;
  const version = useMemo(() => lesson && lessonVersion(lesson), [lesson]);

  useEffect(() => {
    setLast(undefined);
    if (!id) return;
    let current = true;
    void loadLastVerdict(id).then(
      (record) => current && record && setLast((l) => l ?? { id, record, fresh: false }),
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, [id]);

  const shown = last && last.id === id ? last : undefined;
  const stillTrue = !!shown && !!lesson && shown.record.lesson === version && sameCode(learnerGuests(lesson, shown.record.code), guests);
  const stale = !!shown && ready && !stillTrue;
  useEffect(() => {
    if (!stale || !shown) return;
    setLast(undefined);
    void forgetLastVerdict(shown.id).catch(() => undefined);
  }, [stale, shown]);

  const remember = useCallback<LastVerdict['remember']>(
    (verdict, output, code) => {
      if (!id || !version) return;
      const record: StoredVerdict = { v: 1, lesson: version, code, verdict, output, at: Date.now() };
      setLast({ id, record, fresh: true });
      void saveLastVerdict(id, record).catch(() => undefined);
    },
    [id, version],
  );
  const forget = useCallback(() => {
    if (!id) return;
    setLast(undefined);
    void forgetLastVerdict(id).catch(() => undefined);
  }, [id]);

  return { before: shown && !shown.fresh && stillTrue && ready ? shown.record : undefined, remember, forget };
}
