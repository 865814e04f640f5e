import { describe, expect, it } from 'vitest';
import { taskSeen } from './taskSeen';

// The lesson column of a 1024×768 screen: the body from 120 px down to the Check bar at 700.
const view = { top: 120, bottom: 700 };

describe('taskSeen', () => {
  it('sees a task whose heading and first line are in the column', () => {
    expect(taskSeen({ top: 300, bottom: 420 }, view)).toBe(true);
    // Its end under the Check bar still shows what to do.
    expect(taskSeen({ top: 640, bottom: 760 }, view)).toBe(true);
  });

  it('does not see a task below the fold or behind the sticky Check bar', () => {
    expect(taskSeen({ top: 900, bottom: 1020 }, view)).toBe(false);
    // Only the heading's top peeks out above the Check bar.
    expect(taskSeen({ top: 690, bottom: 810 }, view)).toBe(false);
  });

  it('does not see a task scrolled above the column (under the header on a phone)', () => {
    expect(taskSeen({ top: 60, bottom: 180 }, view)).toBe(false);
  });

  it('sees a short task when all of it shows', () => {
    expect(taskSeen({ top: 660, bottom: 690 }, view)).toBe(true);
  });
});
