import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { expectationFieldProblems } from '../learn/findFieldProblems';
import { judgeRun } from '../learn/judgeRun';
import { emptyRecord } from '../learn/runRecord';
import { traceEventProblem } from './checkTraceEvent';
import { MESSAGE_ACTIONS, type MessageEvent_ } from './traceEvent';

// The message actions were spelt in four places (the event type, the trace checks, the
// lesson type and the lesson file checks): one missed there would refuse a new action's
// events from other tabs, or a lesson checking for it. Each now derives from MESSAGE_ACTIONS.
const event = (action: string) => ({ kind: 'message', id: 'x:1', guest: 'g', tab: 't', at: 1, action, topic: 'a', envelope: {}, data: new Uint8Array() });

describe('MESSAGE_ACTIONS, the one list of message actions', () => {
  it.each(MESSAGE_ACTIONS)('%s: a trace event from another tab, a lesson expectation and a verdict all know it', (action) => {
    expect(traceEventProblem(event(action))).toBeNull();
    expect(expectationFieldProblems({ kind: 'messages', action }, 'expect[0]', new Set(), new Set())).toEqual([]);
    const run = { ...emptyRecord(), events: [] as MessageEvent_[] };
    const [problem] = judgeRun({ expect: [{ kind: 'messages', action, topic: 'a' }] }, run).problems;
    expect(problem).toMatch(/^no message was [a-z ]+ on `a`$/);
  });

  it('refuses an action it does not list, naming the list', () => {
    expect(traceEventProblem(event('retry'))).toBe(`event.action must be one of ${MESSAGE_ACTIONS.join(', ')}`);
    expect(expectationFieldProblems({ kind: 'messages', action: 'retry' } as never, 'expect[0]', new Set(), new Set())).toEqual([`expect[0].action must be one of ${MESSAGE_ACTIONS.join(', ')}`]);
  });

  it("is the list the lesson format's documentation gives teachers", () => {
    const doc = readFileSync(new URL('../learn/LESSON_FORMAT.md', import.meta.url), 'utf8');
    const row = doc.split('\n').find((l) => l.startsWith('| `messages` |'))!;
    expect(row.match(/`action` \(([^;)]*)/)?.[1]).toBe(MESSAGE_ACTIONS.map((a) => `\`${a}\``).join(', '));
  });
});
