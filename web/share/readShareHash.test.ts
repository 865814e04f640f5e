import { describe, expect, it } from 'vitest';
import { encodeShare, workspaceFromExample } from '../../src/index';
import { appExamples } from '../state/appWorkspaces';
import { defaultSettings } from '../state/settings';
import { readStartup } from '../state/readStartup';
import { scratchExample } from '../state/scratchExample';
import { damagedLinkText, readShareHash } from './readShareHash';

const shared = () => {
  const ws = workspaceFromExample(scratchExample);
  ws.guests[0].source = '(module)';
  ws.settings.timeLimitMs = 2500;
  return ws;
};

describe('readShareHash', () => {
  it('opens a link to the scratch workspace as a separate, named workspace', () => {
    const req = readShareHash(encodeShare(shared(), appExamples));
    expect(req.kind).toBe('share');
    if (req.kind !== 'share') return;
    expect(req.request.workspace.guests[0].source).toBe('(module)');
    expect(req.request).toMatchObject({ kind: 'workspace', origin: 'share', name: 'Shared: Scratch' });
    expect(req.activeGuest).toBe(0);
  });

  it('names the guest tab the link opens on', () => {
    const fanOut = appExamples.find((e) => e.id === 'msg-fan-out')!;
    const req = readShareHash(encodeShare(workspaceFromExample(fanOut), appExamples, 2));
    expect(req.kind === 'share' && req.activeGuest).toBe(2);
  });

  it('ignores hashes that are not share links and explains damaged ones', () => {
    expect(readShareHash('')).toEqual({ kind: 'none' });
    expect(readShareHash('#section-2')).toEqual({ kind: 'none' });
    const bad = readShareHash('#w1.@@@');
    expect(bad.kind).toBe('damaged');
    if (bad.kind === 'damaged') expect(damagedLinkText(bad.message)).toMatch(/^This share link is damaged: character "@" .* Your own workspace was loaded instead\.$/);
    const future = readShareHash('#w9.AAAA');
    expect(future.kind === 'damaged' && future.message).toMatch(/format version 9/);
    // Not called damaged: a newer playground made it.
    if (future.kind === 'damaged') expect(damagedLinkText(future.message)).toMatch(/^This share link can't be opened here: This link uses format version 9, .* Your own workspace was loaded instead\.$/);
  });

  it('explains a link whose "#w2." was mangled instead of ignoring it; anchors and lesson links stay quiet', () => {
    const link = encodeShare(shared(), appExamples);
    const data = link.slice('#w2.'.length);
    for (const mangled of [`#W2.${data}`, `#x2.${data}`, `#w2${data}`]) {
      const req = readShareHash(mangled);
      expect(req.kind, mangled).toBe('damaged');
      if (req.kind === 'damaged') expect(damagedLinkText(req.message)).toMatch(/^This share link can't be opened here: Its address does not start the way this playground's links do .* newer version .* cut or changed on its way here\. Your own workspace was loaded instead\.$/);
    }
    for (const quiet of ['#top', '#section-2', `#l2.${data}`]) expect(readShareHash(quiet), quiet).toEqual({ kind: 'none' });
    // Startup falls back to the user's own workspace, as for any damaged link.
    expect(readStartup({ search: '', hash: `#W2.${data}` }, { ...defaultSettings, lastWorkspaceId: 'abc' }).request).toEqual({ kind: 'record', id: 'abc', fallbackExampleId: undefined });
  });
});

describe('readStartup', () => {
  const settings = { ...defaultSettings, lastExampleId: 'kv-counter', lastWorkspaceId: 'abc' };

  it('prefers a share link and takes its time limit', () => {
    const s = readStartup({ search: '?present', hash: encodeShare(shared(), appExamples) }, settings);
    expect(s.request.kind).toBe('workspace');
    expect(s.settings.timeLimitMs).toBe(2500);
    expect(s.mode.present).toBe(true);
  });

  it('reopens the last named workspace, else the last example; a damaged link falls back the same way', () => {
    expect(readStartup({ search: '', hash: '' }, settings).request).toEqual({ kind: 'record', id: 'abc', fallbackExampleId: 'kv-counter' });
    expect(readStartup({ search: '', hash: '#w1.!' }, { ...settings, lastWorkspaceId: undefined }).request).toEqual({ kind: 'example', id: 'kv-counter' });
  });

  it('a first visit lands on the JavaScript start example', () => {
    const fresh = readStartup({ search: '', hash: '' }, defaultSettings);
    expect(fresh.request).toEqual({ kind: 'example', id: 'js-kv-counter' });
    expect(fresh.firstVisit).toBe(true);
    expect(readStartup({ search: '', hash: '' }, settings).firstVisit).toBe(false);
    expect(readStartup({ search: '?example=msg-fan-out', hash: '' }, defaultSettings).firstVisit).toBe(false);
    expect(readStartup({ search: '', hash: encodeShare(shared(), appExamples) }, defaultSettings).firstVisit).toBe(false);
  });

  it("embedded views ignore the visitor's history", () => {
    expect(readStartup({ search: '?embed', hash: '' }, settings).request).toEqual({ kind: 'example', id: undefined });
    expect(readStartup({ search: '?embed&example=msg-fan-out', hash: '' }, settings).request).toEqual({ kind: 'example', id: 'msg-fan-out' });
  });
});
