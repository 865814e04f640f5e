import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { decodeLessonHash, learnerGuests, LessonError, lessons as shipped, parseLessonFile, type Example, type ExampleGuest, type Lesson } from '../../src/index';
import { decideLinkVersion } from './decideLinkVersion';
import { readLearnAddress, writeLearnAddress } from './learnAddress';
import { emptyProgress, loadLearnData, type LessonProgress } from './progressStore';
import { useLessonCheck, type LessonCheck } from './useLessonCheck';
import { useLastVerdict } from './useLastVerdict';
import { useLessonProgress } from './useLessonProgress';
import type { StoredVerdict } from './verdictStore';
import { filesOf, useLoadedLessons } from './useLoadedLessons';

/** Learn mode as the UI sees it (one hook; App only swaps the editors' guests while active). */
export interface Learn extends Omit<LessonCheck, 'clear'> {
  active: boolean;
  lessons: Lesson[];
  lesson: Lesson | undefined;
  /** True for lessons of the shipped course (false: loaded from a file or link). */
  shipped: boolean;
  /** The lesson as an example (what Run and the output panels see), undefined when not learning. */
  example: Example | undefined;
  /** The learner's guests for the open lesson (their code over the starter). */
  guests: ExampleGuest[];
  progress: Record<string, LessonProgress>;
  current: LessonProgress;
  /** Another tab changed the open lesson's code since this tab did; this tab shows that code. */
  changedElsewhere: boolean;
  dismissChangedElsewhere(): void;
  /** The open lesson passed with code other than what the editors hold now. */
  passedCodeDiffers: boolean;
  /** Puts the code of the lesson's latest pass back into the editors. */
  restorePassedCode(): void;
  /** The last Check's verdict from before the page was loaded, while the code and lesson are unchanged (no Check since). */
  verdictBefore: StoredVerdict | undefined;
  /** What went wrong, as a sentence; lines after the first are a lesson file's problems, one each. */
  error: string | undefined;
  open(id?: string): void;
  leave(): void;
  updateGuest(index: number, patch: Partial<Pick<ExampleGuest, 'source' | 'wit'>>): void;
  showHint(): void;
  resetLesson(): void;
  /** Puts the solution's code into the editors. */
  applySolution(): void;
  loadFile(file: File): Promise<void>;
  /** The lesson file just opened (its name), while its lesson is open: the teacher is invited to check its solution. */
  openedFile: string | undefined;
  /** The open lesson was opened from a file in this browser (its author's): "Check the solution" is offered. */
  fromFile: boolean;
  /** Takes the open lesson, a teacher's (from a file or link), out of the course again. */
  removeLoaded(): void;
  /**
   * A lesson link's lesson when this browser already stores another version under its id:
   * the stored one is shown until the learner picks the link's (it used to be replaced
   * silently, so a stranger's link could wipe a teacher's lesson from the course).
   */
  linkVersion: Lesson | undefined;
  /** Stores the link's version in place of the stored one (undefined: keep the stored one). */
  settleLinkVersion(take: boolean): void;
  /** What opening a lesson link did to the stored version: updated it (a newer link), or kept it (an older link). */
  linkNotice: LinkNotice | undefined;
  dismissLinkNotice(): void;
}


/** A lesson link's version replaced the stored one (`updated`), or was older than it (`older`). */
export interface LinkNotice {
  kind: 'updated' | 'older';
  title: string;
}

/** The same code in every guest (what the editors show). */
const sameGuests = (a: ExampleGuest[], b: ExampleGuest[]) => a.length === b.length && a.every((g, i) => g.source === b[i]?.source && g.wit === b[i]?.wit);

/** Why a teacher's lesson is not the one shown: its id is a shipped lesson's. */
const sameIdAsShipped = (what: string, id: string) => `${what} uses the id "${id}" of a shipped lesson; the shipped one is shown. Give your lesson another id.`;

/** The first lesson not done yet (where "Learn" takes a returning learner). */
const nextLesson = (list: Lesson[], progress: Record<string, LessonProgress>) => list.find((l) => !progress[l.id]?.done) ?? list[0];

export function useLearn(): Learn {
  const [address] = useState(() => readLearnAddress(location));
  const [active, setActive] = useState(address.active);
  // Until the stored progress is read, "the first lesson not done" is not known yet.
  const [progressRead, setProgressRead] = useState(false);
  const [lessonId, setLessonId] = useState<string | undefined>(address.lessonId);
  const [error, setError] = useState<string>();
  const [linkVersion, setLinkVersion] = useState<Lesson>();
  const [linkNotice, setLinkNotice] = useState<LinkNotice>();
  const [openedFile, setOpenedFile] = useState<{ name: string; id: string }>();
  const { progress, changedElsewhere, adoptLoaded, patch: patchProgress, dismissChangedElsewhere } = useLessonProgress(setError);
  const { loaded, fromFile, adopt: adoptLessons, add: addLesson, remove: removeLesson } = useLoadedLessons(
    useCallback((removed: Lesson[]) => {
      // The open lesson went out of the course in another tab: say so rather than show "does not exist".
      const open = removed.find((l) => l.id === lessonIdRef.current);
      if (!open) return;
      setError(`“${open.title}” was taken out of the course in another tab. Open its file or link again to bring it back.`);
      setLessonId(undefined);
    }, []),
  );
  const lessons = useMemo(() => [...shipped, ...loaded.filter((l) => !shipped.some((s) => s.id === l.id))], [loaded]);
  const lesson = active ? (lessons.find((l) => l.id === lessonId) ?? (lessonId ? undefined : nextLesson(lessons, progress))) : undefined;
  const current = (lesson && progress[lesson.id]) || emptyProgress();
  const lessonIdRef = useRef(lessonId);
  lessonIdRef.current = lesson?.id;

  // Progress and loaded lessons come from IndexedDB; a lesson link in the address is added to them.
  useEffect(() => {
    void loadLearnData().then(
      ({ progress: p, loaded: l, origins }) => {
        adoptLoaded(p);
        setProgressRead(true);
        let fromLink: Lesson | undefined;
        if (address.hash) {
          try {
            const decoded = decodeLessonHash(address.hash);
            const stored = l.find((x) => x.id === decoded.id);
            setLessonId(decoded.id);
            const decision = decideLinkVersion(stored, decoded, origins[decoded.id]);
            if (decision === 'ask') setLinkVersion(decoded);
            else if (decision === 'older') setLinkNotice({ kind: 'older', title: decoded.title });
            else if (decision !== 'same') {
              // A class's lesson follows the teacher's newest link: its checks apply, the code (kept by lesson id) stays.
              if (decision === 'update') setLinkNotice({ kind: 'updated', title: decoded.title });
              fromLink = decoded;
              void addLesson(decoded, 'link').catch((e: unknown) => setError(`The lesson could not be stored: ${String(e)}`));
            }
            // As for a file: a shipped lesson's id shows the shipped lesson, which the teacher must hear.
            if (shipped.some((s) => s.id === decoded.id)) setError(sameIdAsShipped(`This lesson link`, decoded.id));
          } catch (e) {
            setError(e instanceof Error ? e.message : String(e));
          }
        }
        adoptLessons([...l.filter((x) => x.id !== fromLink?.id), ...(fromLink ? [fromLink] : [])], filesOf(origins));
      },
      (e) => {
        setProgressRead(true);
        setError(`Your course progress could not be read (${String(e)}); it will not be saved this time.`);
      },
    );
  }, [address.hash, adoptLoaded, adoptLessons, addLesson]);

  // Opened without a lesson (the header's entry, `?learn`), the course shows the first lesson
  // not done; once progress is read that lesson is pinned. Left unpinned, passing it made
  // it "done", the course jumped to the next one at once and the learner never saw the verdict.
  useEffect(() => {
    if (active && lessonId === undefined && progressRead && lesson) setLessonId(lesson.id);
  }, [active, lessonId, progressRead, lesson]);

  const lessonKey = lesson?.id;
  useEffect(() => {
    if (active && lessonKey) writeLearnAddress(lessonKey, !!address.hash);
  }, [active, lessonKey, address.hash]);

  // The lesson this tab left unfinished: the header's entry goes back to it. It opened the
  // first lesson not done instead, so a class told to come back to the teacher's lesson (the
  // course's last) all landed in lesson 1 and had to find theirs in the picker.
  const leftAt = useRef<string | undefined>(undefined);
  const open = useCallback((id?: string) => {
    const left = leftAt.current;
    const back = id === undefined && left !== undefined && lessons.some((l) => l.id === left) && !progress[left]?.done ? left : undefined;
    setActive(true);
    setLessonId(id ?? back);
    setError(undefined);
    setLinkNotice(undefined);
  }, [lessons, progress]);
  const leave = useCallback(() => {
    leftAt.current = lessonIdRef.current;
    setActive(false);
    writeLearnAddress(null);
  }, []);

  const updateGuest = useCallback<Learn['updateGuest']>(
    (index, patch) => {
      if (!lesson) return;
      const shown = lesson.guests[index];
      if (!shown || shown.fixed) return;
      // A guest sharing another's code edits that guest's code.
      const g = (shown.sameCodeAs && lesson.guests.find((o) => o.name === shown.sameCodeAs)) || shown;
      dismissChangedElsewhere(lesson.id);
      patchProgress(lesson.id, (p) => ({ ...p, sources: { ...p.sources, ...(patch.source !== undefined ? { [g.name]: patch.source } : {}), ...(patch.wit !== undefined ? { [`${g.name}:wit`]: patch.wit } : {}) } }), 400);
    },
    [lesson, patchProgress, dismissChangedElsewhere],
  );

  const guests = useMemo(() => (lesson ? learnerGuests(lesson, current.sources) : []), [lesson, current]);

  const { before: lastBefore, remember: rememberVerdict, forget: forgetVerdict } = useLastVerdict(lesson, guests, progressRead);
  const { clear: clearCheck, ...check } = useLessonCheck(lesson, guests, current.sources, !!lesson && shipped.includes(lesson), patchProgress, rememberVerdict);
  const verdictBefore = check.verdict || check.checking ? undefined : lastBefore;

  // The count the learner asked for, not "one more": a change may be applied twice (useLessonProgress).
  const showHint = useCallback(() => {
    if (!lesson) return;
    const hints = Math.min(lesson.hints.length, current.hints + 1);
    patchProgress(lesson.id, (p) => ({ ...p, hints: Math.max(p.hints, hints) }));
  }, [lesson, current.hints, patchProgress]);
  const resetLesson = useCallback(() => {
    if (!lesson) return;
    clearCheck();
    forgetVerdict();
    dismissChangedElsewhere(lesson.id);
    patchProgress(lesson.id, (p) => ({ ...p, sources: {} }));
  }, [lesson, patchProgress, dismissChangedElsewhere, clearCheck, forgetVerdict]);
  const applySolution = useCallback(() => lesson && patchProgress(lesson.id, (p) => ({ ...p, sources: { ...p.sources, ...lesson.solution } })), [lesson, patchProgress]);
  const restorePassedCode = useCallback(() => {
    if (!lesson) return;
    dismissChangedElsewhere(lesson.id);
    patchProgress(lesson.id, (p) => (p.passedCode ? { ...p, sources: { ...p.passedCode } } : p));
  }, [lesson, patchProgress, dismissChangedElsewhere]);
  const passedCodeDiffers = !!lesson && !!current.passedCode && !sameGuests(learnerGuests(lesson, current.passedCode), guests);

  const loadFile = useCallback(async (file: File) => {
    try {
      // Strict: the teacher who opens the file can fix a misspelt field before the class gets the link.
      const l = parseLessonFile(await file.text(), { strict: true });
      await addLesson(l, 'file');
      setLessonId(l.id);
      setActive(true);
      setOpenedFile({ name: file.name, id: l.id });
      setError(shipped.some((s) => s.id === l.id) ? sameIdAsShipped(`"${file.name}"`, l.id) : undefined);
    } catch (e) {
      // One problem a line (the panel lists them): in one run-on sentence, a teacher lost track of which were fixed.
      setError(e instanceof LessonError ? [`“${file.name}” can't be opened. Fix these in the file and open it again:`, ...e.problems].join('\n') : `${file.name}: ${e instanceof Error ? e.message : String(e)}`);
    }
  }, [addLesson]);

  // A teacher's lesson (from a file or a link) leaves the course again; its progress stays stored.
  const removeLoaded = useCallback(() => {
    if (!lesson || shipped.includes(lesson)) return;
    const id = lesson.id;
    void removeLesson(id).catch((e: unknown) => setError(`The lesson could not be removed: ${String(e)}`));
    setLessonId(undefined);
    clearCheck();
  }, [lesson, removeLesson, clearCheck]);

  const example = useMemo<Example | undefined>(
    () => (lesson ? { id: `learn-${lesson.id}`, title: lesson.title, description: lesson.task, tags: ['learn'], guests: lesson.guests } : undefined),
    [lesson],
  );

  const settleLinkVersion = useCallback(
    (take: boolean) => {
      if (take && linkVersion) void addLesson(linkVersion, 'link').catch((e: unknown) => setError(`The lesson could not be stored: ${String(e)}`));
      setLinkVersion(undefined);
    },
    [linkVersion, addLesson],
  );
  const dismissLinkNotice = useCallback(() => setLinkNotice(undefined), []);
  const lessonChangedElsewhere = !!lesson && !!changedElsewhere[lesson.id];
  const dismissOpenChangedElsewhere = useCallback(() => lesson && dismissChangedElsewhere(lesson.id), [lesson, dismissChangedElsewhere]);
  return {
    ...check, verdictBefore, active, lessons, lesson, shipped: !!lesson && shipped.includes(lesson), example, guests, progress, current, changedElsewhere: lessonChangedElsewhere, dismissChangedElsewhere: dismissOpenChangedElsewhere,
    passedCodeDiffers, restorePassedCode, error, open, leave, updateGuest, showHint, resetLesson, applySolution, loadFile, removeLoaded,
    fromFile: !!lesson && fromFile.has(lesson.id),
    openedFile: openedFile && lesson && !shipped.includes(lesson) && openedFile.id === lesson.id ? openedFile.name : undefined,
    linkVersion, settleLinkVersion, linkNotice, dismissLinkNotice,
  };
}
