import type { HostContext } from '../hostContract';
import { parseSubscription, patternCovers, validatePattern, type Subscription } from './matchTopic';

/**
 * A guest's configured subscriptions as its handler is served: invalid patterns are left out
 * (said on stderr), and so is a work queue whose messages all match one of the guest's
 * fan-out patterns (`queue:jobs` beside `jobs`, `jobs.>` or `>`).
 *
 * A message matching a fan-out pattern reaches the guest as fan-out, once, and the guest
 * never claims the queue's copy of it: that copy is for the queue's other members, which
 * therefore get every such message. So a covered queue would never hand this guest anything
 * of its own, and taking part in it could only take work from the other members: on a NATS
 * server its queue group (core) or consumer group (JetStream) would hand this guest some of
 * the queue's copies, which it already has by fan-out (twice on JetStream, and lost for the
 * other members either way); on the browser it would reclaim another member's expired lease
 * on such a message and handle it a second time. Leaving the queue out does the same on both
 * backends. A queue the fan-out patterns cover only in part (`queue:jobs.*` beside
 * `jobs.eu`) is kept: its other messages are this guest's to compete for.
 */
export function guestSubscriptions(ctx: HostContext): Subscription[] {
  const subscriptions: Subscription[] = [];
  for (const text of ctx.config.subscriptions) {
    const problem = validatePattern(text.trim());
    if (problem !== undefined) ctx.log('stderr', `messaging: ignoring subscription: ${problem}\n`);
    else subscriptions.push(parseSubscription(text));
  }
  const fanouts = subscriptions.filter((s) => s.group === undefined).map((s) => s.pattern);
  return subscriptions.filter((s) => s.group === undefined || !fanouts.some((f) => patternCovers(f, s.pattern)));
}
