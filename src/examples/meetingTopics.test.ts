import { describe, expect, it } from 'vitest';
import { examples } from './index';
import { debates2026 } from './debates2026';
import { meetingTopics } from './meetingTopics';

describe('meeting topics', () => {
  it('have unique ids and open only examples that ship', () => {
    const ids = new Set(examples.map((e) => e.id));
    expect(new Set(meetingTopics.map((t) => t.id)).size).toBe(meetingTopics.length);
    expect(new Set(debates2026.map((t) => t.id)).size).toBe(debates2026.length);
    for (const topic of [...meetingTopics, ...debates2026]) {
      expect(topic.examples.length, topic.id).toBeGreaterThan(0);
      for (const ex of topic.examples) expect(ids.has(ex.id), `${topic.id} → ${ex.id}`).toBe(true);
    }
  });
});
