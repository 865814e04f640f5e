import { describe, expect, it } from 'vitest';
import { examples } from '../examples/index';
import { workspaceFromExample, type Workspace } from '../workspace/workspaceTypes';
import { ShareError } from './shareError';
import { exportWorkspaceFile, importWorkspaceFile, readWorkspaceFile } from './workspaceFile';

const sample = (): Workspace => {
  const ws = workspaceFromExample(examples[0]);
  ws.guests[0].source += ';; edited\n';
  ws.hosts = { customHosts: { 'wasi:blobstore': 'export default { create() { return {}; } }' }, faults: { keyvalue: { failRate: 0.25 } } };
  ws.settings.timeLimitMs = 1500;
  return ws;
};

const messageOf = (text: string) => {
  const result = importWorkspaceFile(text);
  expect(result).toBeInstanceOf(ShareError);
  return (result as ShareError).message;
};

describe('workspace files', () => {
  it('exports a versioned application/json document and imports it back', async () => {
    const ws = sample();
    const blob = exportWorkspaceFile(ws);
    expect(blob.type).toBe('application/json');
    const text = await blob.text();
    expect(JSON.parse(text)).toMatchObject({ format: 'wasi-cloud-playground', version: 1 });
    expect(importWorkspaceFile(text)).toEqual(ws);
  });

  it('imports a frozen version-1 file', () => {
    const text = JSON.stringify({
      format: 'wasi-cloud-playground',
      version: 1,
      workspace: { guests: [{ name: 'a', lang: 'ts', wit: 'w', source: 's', subscriptions: ['x.>'] }], hosts: { customHosts: {} }, settings: { timeLimitMs: 5000 } },
    });
    expect(importWorkspaceFile(text)).toEqual({ guests: [{ name: 'a', lang: 'ts', wit: 'w', source: 's', subscriptions: ['x.>'] }], hosts: { customHosts: {} }, settings: { timeLimitMs: 5000 } });
  });

  it('refuses to export something that would not import', () => {
    const ws = sample();
    ws.hosts.faults = { when: new Date() };
    expect(() => exportWorkspaceFile(ws)).toThrow(/faults\.when must be plain JSON data/);
  });

  it.each([
    ['{not json', /not valid JSON/],
    ['[]', /not a WASI Cloud Playground workspace/],
    ['{"format":"other","version":1}', /not a WASI Cloud Playground workspace/],
    ['{"format":"wasi-cloud-playground","version":7,"workspace":{}}', /format version 7/],
    ['{"format":"wasi-cloud-playground","version":"1","workspace":{}}', /format version "1"/],
    ['{"format":"wasi-cloud-playground","version":1}', /workspace must be an object/],
    ['{"format":"wasi-cloud-playground","version":1,"workspace":{},"extra":1}', /unknown field "extra"/],
    ['{"format":"wasi-cloud-playground","version":1,"workspace":{"guests":[{"name":"","lang":"js","wit":"","source":"","subscriptions":[]}],"hosts":{"customHosts":{}},"settings":{"timeLimitMs":1}}}', /guests\[0\]\.name must not be empty/],
    ['{"format":"wasi-cloud-playground","version":1,"workspace":{"guests":[],"hosts":{"customHosts":{}},"settings":{}}}', /timeLimitMs must be a positive number/],
  ])('rejects %s', (text, message) => {
    expect(messageOf(text)).toMatch(message);
  });

  it('rejects huge files before parsing them', () => {
    expect(messageOf(' '.repeat(3 * 1024 * 1024))).toMatch(/larger than 2 MB/);
  });

  it('refuses a file too large to be a workspace by its size, without reading it', async () => {
    let read = false;
    const huge = { size: 700 * 2 ** 20, text: () => ((read = true), Promise.reject(new Error('not readable'))) } as unknown as Blob;
    const result = await readWorkspaceFile(huge);
    expect(result).toBeInstanceOf(ShareError);
    expect((result as ShareError).message).toBe('The file is 700 MB; a playground workspace file is at most 2 MB.');
    expect(read).toBe(false);
    const unreadable = { size: 10, text: () => Promise.reject(new Error('the file changed on disk')) } as unknown as Blob;
    expect(((await readWorkspaceFile(unreadable)) as ShareError).message).toBe('The file could not be read (the file changed on disk).');
  });
});
