import { useCallback, useEffect, useRef, useState } from 'react';
import type { Lesson } from '../../src/index';
import { openLessonsChannel, type LessonsChannel } from './learnChannels';
import type { LessonOrigin, LessonSource } from './lessonOriginStore';
import { forgetLoadedLesson, loadLearnData, saveLoadedLesson } from './progressStore';

/** The teacher's lessons (from files or links) this tab shows, in step with the other tabs. */
export interface LoadedLessons {
  loaded: Lesson[];
  /** Ids of the lessons opened from a file in this browser (their author's, who may check the solution). */
  fromFile: ReadonlySet<string>;
  /** The set read at start (with a link's lesson, already being stored, put last), and which came from files. */
  adopt(list: Lesson[], fromFile: ReadonlySet<string>): void;
  /** Stores a lesson (replacing one of the same id), from a file or a link, and tells the other tabs. */
  add(lesson: Lesson, from: LessonSource): Promise<void>;
  /** Forgets a lesson (its progress stays) and tells the other tabs. */
  remove(id: string): Promise<void>;
}

/**
 * Before this, a lesson a teacher's file or link added in one tab reached the course list of
 * the learner's other tabs only on reload, and a lesson taken out in one tab stayed in the
 * others. Now every change is announced and the other tabs re-read the stored set.
 * `onRemovedElsewhere` hears of lessons another tab took out, so the one open can say so.
 */
export function useLoadedLessons(onRemovedElsewhere: (removed: Lesson[]) => void): LoadedLessons {
  const [loaded, setLoaded] = useState<Lesson[]>([]);
  const [fromFile, setFromFile] = useState<ReadonlySet<string>>(new Set());
  const shown = useRef(loaded);
  const channel = useRef<LessonsChannel | undefined>(undefined);
  const removedElsewhere = useRef(onRemovedElsewhere);
  useEffect(() => {
    shown.current = loaded;
    removedElsewhere.current = onRemovedElsewhere;
  });

  useEffect(() => {
    const ch = openLessonsChannel(() => {
      void loadLearnData().then(({ loaded: stored, origins }) => {
        setFromFile(filesOf(origins));
        const removed = shown.current.filter((l) => !stored.some((s) => s.id === l.id));
        // Keep this tab's order (a lesson's place in the picker must not jump); new ones go last.
        const kept = shown.current.flatMap((l) => stored.filter((s) => s.id === l.id));
        setLoaded([...kept, ...stored.filter((s) => !kept.some((k) => k.id === s.id))]);
        if (removed.length) removedElsewhere.current(removed);
      });
    });
    channel.current = ch;
    return () => {
      ch.close();
      if (channel.current === ch) channel.current = undefined;
    };
  }, []);

  const adopt = useCallback((list: Lesson[], files: ReadonlySet<string>) => {
    setLoaded(list);
    setFromFile(files);
  }, []);
  const add = useCallback(async (lesson: Lesson, from: LessonSource) => {
    await saveLoadedLesson(lesson, from);
    setLoaded((all) => [...all.filter((x) => x.id !== lesson.id), lesson]);
    setFromFile((ids) => new Set([...ids].filter((id) => id !== lesson.id).concat(from === 'file' ? [lesson.id] : [])));
    channel.current?.announce();
  }, []);
  const remove = useCallback(async (id: string) => {
    setLoaded((all) => all.filter((l) => l.id !== id));
    await forgetLoadedLesson(id);
    channel.current?.announce();
  }, []);
  return { loaded, fromFile, adopt, add, remove };
}

/** The ids of lessons whose stored version came from a file. */
export const filesOf = (origins: Record<string, LessonOrigin>): ReadonlySet<string> => new Set(Object.keys(origins).filter((id) => origins[id]?.from === 'file'));
