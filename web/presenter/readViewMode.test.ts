import { describe, expect, it } from 'vitest';
import { readViewMode, withPresentFlag } from './readViewMode';

describe('readViewMode', () => {
  it('reads bare flags and values', () => {
    expect(readViewMode('?present')).toEqual({ present: true, embed: false });
    expect(readViewMode('?embed&panel=diagram')).toEqual({ present: false, embed: true, panel: 'diagram' });
    expect(readViewMode('?example=kv-counter&present=1')).toEqual({ present: true, embed: false, example: 'kv-counter' });
    expect(readViewMode('')).toEqual({ present: false, embed: false });
  });

  it('treats 0/false/off as off and ignores malformed ids', () => {
    expect(readViewMode('?present=off&embed=false')).toEqual({ present: false, embed: false });
    expect(readViewMode('?panel=<script>&example=')).toEqual({ present: false, embed: false });
  });
});

describe('withPresentFlag', () => {
  it('adds and removes the flag keeping other parameters', () => {
    expect(withPresentFlag('', true)).toBe('?present');
    expect(withPresentFlag('?example=kv-counter', true)).toBe('?example=kv-counter&present');
    expect(withPresentFlag('?present&example=kv-counter', false)).toBe('?example=kv-counter');
    expect(withPresentFlag('?present', false)).toBe('');
  });
});
