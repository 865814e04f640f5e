/** A vertical span on screen, in viewport pixels (a bounding rect's top and bottom). */
export interface Span {
  top: number;
  bottom: number;
}

/** How much of the task must show to count as seen: its "Your task" heading and a line of it. */
const SEEN_PX = 48;

/**
 * Whether the learner sees the lesson's task: its top and first line lie inside the part
 * of the lesson column that is on screen (`view`: not scrolled away, not under the sticky
 * header on a phone, not under the sticky Check bar). A task that is shorter than that
 * counts when all of it shows.
 */
export function taskSeen(task: Span, view: Span): boolean {
  const needed = Math.min(task.bottom - task.top, SEEN_PX);
  return task.top >= view.top - 1 && task.top + needed <= view.bottom + 1;
}

/**
 * The on-screen part of the lesson column around `task`: its scrolling body (or the column
 * itself on a short screen; the page scrolls on a phone) within the window, below the app
 * header (sticky on a phone) and above the lesson's sticky Check bar.
 */
export function lessonView(task: HTMLElement): Span {
  const body = task.closest('.lesson-body')?.getBoundingClientRect();
  // On a short screen the whole column scrolls (learn.css): the body's top may be scrolled away.
  const panel = task.closest('.lesson-panel')?.getBoundingClientRect();
  const header = document.querySelector('.app-header')?.getBoundingClientRect();
  const actions = task.closest('.lesson-body')?.querySelector('.lesson-actions')?.getBoundingClientRect();
  return {
    top: Math.max(0, body?.top ?? 0, panel?.top ?? 0, header?.bottom ?? 0),
    bottom: Math.min(window.innerHeight, body?.bottom ?? Infinity, panel?.bottom ?? Infinity, actions?.top ?? Infinity),
  };
}
