import { describe, expect, it } from 'vitest';
import { importId } from './watCompletions';

describe('importId', () => {
  const id = (module: string, name: string) => importId({ module, name, signature: '' });
  it('names a 0.2 import by its resource or interface, as the examples do', () => {
    expect(id('wasi:keyvalue/store@0.2.0-draft2', 'open')).toBe('store.open');
    expect(id('wasi:keyvalue/store@0.2.0-draft2', '[method]bucket.get')).toBe('bucket.get');
    expect(id('wasi:keyvalue/atomics@0.2.0-draft2', '[static]cas.new')).toBe('cas.new');
    expect(id('wasi:messaging/types@0.2.0-draft', '[constructor]message')).toBe('message.new');
    expect(id('wasi:keyvalue/store@0.2.0-draft2', '[resource-drop]bucket')).toBe('bucket.resource-drop');
  });
  // WAT identifiers cannot hold brackets: the async ABI's marks become suffixes.
  it("names a 0.3 import without the async ABI's brackets", () => {
    expect(id('proposal:keyvalue-p3/store@0.1.0', '[async-lower]open')).toBe('store.open');
    expect(id('proposal:keyvalue-p3/store@0.1.0', '[async-lower][method]bucket.get')).toBe('bucket.get');
    expect(id('proposal:blobstore-p3/blobstore@0.1.0', '[async-lower][stream-read-0][method]container.read')).toBe('container.read.stream-read-0');
    expect(id('wasi:cli/stdout@0.3.0', '[future-drop-readable-1]write-via-stream')).toBe('write-via-stream.future-drop-readable-1');
    expect(id('[export]$root', '[task-return]run')).toBe('run.task-return');
    expect(id('$root', '[waitable-set-wait]')).toBe('waitable-set-wait');
  });
});
