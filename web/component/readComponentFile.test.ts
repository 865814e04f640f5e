import { describe, expect, it } from 'vitest';
import type { BuildResult } from '../../src/index';
import { readComponentFile } from './readComponentFile';

const WASM = new Uint8Array([0x00, 0x61, 0x73, 0x6d, 0x0d, 0x00, 0x01, 0x00]);
const never = (): Promise<BuildResult> => Promise.reject(new Error('not to be called'));

/** What Chrome's File does when the picked file left the disk (or may not be read) before the read. */
class UnreadableFile extends Blob {
  readonly name = 'gone.wasm';
  override arrayBuffer(): Promise<ArrayBuffer> {
    return Promise.reject(new DOMException('The requested file could not be read, typically due to permission problems that have occurred after a reference to a file was acquired.', 'NotReadableError'));
  }
}

describe('readComponentFile', () => {
  it('says a file that could not be read could not be opened, and why', async () => {
    const opened = await readComponentFile(new UnreadableFile(), never);
    expect(opened?.errors).toEqual([expect.stringMatching(/^gone\.wasm could not be opened: The requested file could not be read/)]);
    expect(opened?.bytes.length).toBe(0);
  });

  it('says an analysis that failed outright (the build worker gone) could not open it, keeping the bytes', async () => {
    const opened = await readComponentFile(new File([WASM], 'app.wasm'), () => Promise.reject(new Error('build worker crashed')));
    expect(opened).toMatchObject({ name: 'app', errors: ['app.wasm could not be opened: build worker crashed'] });
    expect(opened?.bytes).toEqual(WASM);
  });

  it('tells a file that is not wasm by its first bytes, without analysing it', async () => {
    const opened = await readComponentFile(new File(['hello'], 'notes.txt'), never);
    expect(opened?.errors).toEqual(['notes.txt is not a WebAssembly file (it does not start with \\0asm).']);
  });

  it('shows the WIT and the reasons of a component that cannot run here, and nothing for a superseded analysis', async () => {
    const failed = await readComponentFile(new File([WASM], 'x.wasm'), async () => ({ status: 'failed', ms: 1, componentWit: 'world root {}', diagnostics: [{ file: 'guest', line: 1, column: 1, message: 'imports wasi:http, which no host serves' }] }));
    expect(failed).toMatchObject({ wit: 'world root {}', errors: ['imports wasi:http, which no host serves'] });
    expect(await readComponentFile(new File([WASM], 'x.wasm'), async () => ({ status: 'stale' }))).toBeUndefined();
  });
});
