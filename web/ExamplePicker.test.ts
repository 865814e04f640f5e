import { describe, expect, it } from 'vitest';
import { groupExamples } from './ExamplePicker';

const ex = (id: string, tags: string[]) => ({ id, title: id, description: '', tags, guests: [] });

describe('example picker groups', () => {
  it('leads with JavaScript, then one group per interface, then proposals; each example once', () => {
    const list = [ex('kv', ['keyvalue']), ex('msg', ['messaging', 'keyvalue']), ex('blob', ['blobstore']), ex('js', ['keyvalue', 'javascript']), ex('ts', ['keyvalue', 'typescript']), ex('p', ['messaging', 'proposal'])];
    expect(groupExamples(list).map(([label, items]) => [label, items.map((e) => e.id)])).toEqual([
      ['Start here: JavaScript & TypeScript', ['js', 'ts']],
      ['wasi:keyvalue', ['kv']],
      ['wasi:messaging', ['msg']],
      ['wasi:blobstore', ['blob']],
      ['Proposals (2022 debates)', ['p']],
    ]);
  });
});
