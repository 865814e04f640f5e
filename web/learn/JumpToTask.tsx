import { useCallback, useEffect, useLayoutEffect, useRef, useState, type RefObject } from 'react';
import { prefersReducedMotion } from '../layout/prefersReducedMotion';
import { lessonView, taskSeen } from './taskSeen';

/**
 * "Your task ↓" under the lesson's title while the task is out of sight. A long lesson
 * (text and a code block) put the task below the fold of a 1024×768 lesson column and
 * under a phone's first screen: the learner read the whole lesson before learning what to
 * do. Activated, it scrolls the task into view and moves focus to it (a keyboard or
 * screen-reader user goes on reading there).
 */
export function JumpToTask({ task }: { task: RefObject<HTMLElement | null> }) {
  const [seen, setSeen] = useState(true);
  // While the jump glides, the button stays: taken out mid-glide, the text under it moved
  // up by its height and the glide, aimed before, ended past the task's heading.
  const gliding = useRef(false);
  const measure = useCallback(() => {
    const el = task.current;
    if (el && !gliding.current) setSeen(taskSeen(el.getBoundingClientRect(), lessonView(el)));
  }, [task]);

  // After every render (another lesson, a notice above the lesson, hints or a verdict below the task)…
  useLayoutEffect(measure);
  // …and whenever the lesson or the page scrolls or the window (or its zoom) changes.
  useEffect(() => {
    const el = task.current;
    document.addEventListener('scroll', measure, { capture: true, passive: true });
    window.addEventListener('resize', measure);
    // The lesson text reflows once the web fonts arrive or the column is resized.
    const resized = new ResizeObserver(measure);
    if (el?.parentElement) resized.observe(el.parentElement);
    if (el?.previousElementSibling) resized.observe(el.previousElementSibling);
    return () => {
      document.removeEventListener('scroll', measure, { capture: true });
      window.removeEventListener('resize', measure);
      resized.disconnect();
    };
  }, [task, measure]);

  if (seen) return null;
  const jump = () => {
    const el = task.current;
    if (!el) return;
    // On a phone the page scrolls under a sticky header: the task stops below it.
    const header = document.querySelector<HTMLElement>('.app-header');
    const sticky = header && getComputedStyle(header).position === 'sticky';
    el.style.scrollMarginTop = sticky ? `${header.getBoundingClientRect().height + 8}px` : '';
    gliding.current = true;
    // Then the browser keeps the task in place as the button goes (scroll anchoring).
    const landed = () => {
      gliding.current = false;
      measure();
    };
    document.addEventListener('scrollend', landed, { capture: true, once: true });
    // No scrollend when there was nothing to scroll (the lesson's end was in view already).
    setTimeout(landed, 1000);
    el.scrollIntoView({ block: 'start', behavior: prefersReducedMotion() ? 'auto' : 'smooth' });
    el.focus({ preventScroll: true });
  };
  return (
    <button type="button" className="small lesson-jump" data-testid="lesson-jump-to-task" onClick={jump}>
      Your task ↓
    </button>
  );
}
