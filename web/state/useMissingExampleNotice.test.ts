import { describe, expect, it } from 'vitest';
import { appExamples } from './appWorkspaces';
import { missingExampleText } from './useMissingExampleNotice';

describe('missingExampleText', () => {
  const known = appExamples[0]!;
  it('says nothing for a known example, no example, or a share link', () => {
    expect(missingExampleText(`?example=${known.id}`, false, known.title)).toBeUndefined();
    expect(missingExampleText('?present', false, known.title)).toBeUndefined();
    expect(missingExampleText('?example=', false, known.title)).toBeUndefined();
    expect(missingExampleText('?example=no-such-example', true, known.title)).toBeUndefined();
  });
  it('names the missing example and what is shown instead', () => {
    const text = missingExampleText('?present&example=kv-countr', false, known.title);
    expect(text).toContain('"kv-countr"');
    expect(text).toContain(`showing "${known.title}" instead`);
  });
  it('names ids the address format refuses too, shortened', () => {
    expect(missingExampleText('?example=kv%20counter', false, 'X')).toContain('"kv counter"');
    const long = 'a'.repeat(200);
    expect(missingExampleText(`?example=${long}`, false, 'X')).toContain(`"${'a'.repeat(60)}…"`);
  });
});
