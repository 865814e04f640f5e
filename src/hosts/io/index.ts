import type { HostPackage } from '../hostContract';
import { InputStream } from './inputStream';
import { IoError } from './ioError';
import { OutputStream } from './outputStream';
import { Pollable, poll } from './pollable';

export { InputStream, createInputStream, type InputSourceLike } from './inputStream';
export { OutputStream, createOutputStream, type ByteSink, BLOCKING_WRITE_LIMIT, DEFAULT_WRITE_PERMIT } from './outputStream';
export { blobSource, bytesSource, type ByteSource } from './byteSources';
export { IoError, closedError, failedError, type StreamError } from './ioError';
export { Pollable, createPollable, createTimerPollable, poll, type PollSource } from './pollable';

/**
 * Our `wasi:io@0.2.2`. The resource classes are module singletons on purpose: jco
 * recognises handles by `instanceof` against the classes passed for `wasi:io/*`, and every
 * package that passes streams to the guest (blobstore bodies, wasi:cli stdout/stderr,
 * clock pollables) creates them through this module, so a run must register exactly this
 * package for `wasi:io` and never preview2-shim's io (whose classes are different).
 * Interface objects follow preview2-shim's browser io naming (`Error`, `Pollable`, `poll`,
 * `pollList`, `InputStream`, `OutputStream`).
 */
export const ioHost: HostPackage = {
  id: 'wasi:io@0.2.2',
  description: 'Streams, pollables and errors shared by every host (in-memory and Blob-backed)',
  create() {
    return {
      error: { Error: IoError },
      poll: { Pollable, poll, pollList: poll },
      streams: { InputStream, OutputStream },
    };
  },
};
