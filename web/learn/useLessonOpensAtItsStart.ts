import { useLayoutEffect, useRef, type RefObject } from 'react';

/**
 * Another lesson opens at its beginning: its nav and title in sight, its text from the top.
 * The lesson column is one element for every lesson, so it kept the scroll of the lesson
 * before: a verdict or the solution diff had scrolled it down, and › (or "Next lesson ›")
 * showed the next lesson from the middle of its text, its title scrolled away. On a phone the
 * page itself scrolls (the verdict's button sits far down): the column comes back under the
 * sticky header. The lesson opened first keeps whatever scroll the page restored.
 */
export function useLessonOpensAtItsStart(lessonId: string | undefined, body: RefObject<HTMLElement | null>): void {
  const shown = useRef(lessonId);
  useLayoutEffect(() => {
    if (shown.current === lessonId) return;
    shown.current = lessonId;
    const el = body.current;
    const panel = el?.closest<HTMLElement>('.lesson-panel');
    if (!el || !panel) return;
    el.scrollTop = 0;
    // The whole column scrolls when presenting on a short screen (learn.css).
    panel.scrollTop = 0;
    const header = document.querySelector<HTMLElement>('.app-header');
    const below = header && getComputedStyle(header).position === 'sticky' ? header.getBoundingClientRect().bottom : 0;
    const top = panel.getBoundingClientRect().top;
    if (top < below) window.scrollBy({ top: top - below, behavior: 'instant' });
  }, [lessonId, body]);
}
