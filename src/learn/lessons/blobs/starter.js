import { createContainer, getContainer, containerExists } from 'wasi:blobstore/blobstore@0.2.0-draft';
import { OutgoingValue, IncomingValue } from 'wasi:blobstore/types@0.2.0-draft';

const encoder = new TextEncoder();
const decoder = new TextDecoder();

export function run() {
  const container = containerExists('notes') ? getContainer('notes') : createContainer('notes');

  // Writing: an outgoing-value hands out a wasi:io output-stream for the body.
  const value = OutgoingValue.newOutgoingValue();
  const body = value.outgoingValueWriteBody();
  body.blockingWriteAndFlush(encoder.encode('hello world, from a component'));
  container.writeData('greeting.txt', value);
  OutgoingValue.finish(value);

  // Reading a range: get-data(name, start, end) with u64 offsets (BigInts).
  // TODO: read exactly "world" (bytes 6 to 10)
  const range = container.getData('greeting.txt', 6n, 11n);
  const text = decoder.decode(IncomingValue.incomingValueConsumeSync(range));
  console.log(`read "${text}"`);
  return text;
}
