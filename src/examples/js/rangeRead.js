import { createContainer, getContainer, containerExists } from 'wasi:blobstore/blobstore@0.2.0-draft';
import { OutgoingValue, IncomingValue } from 'wasi:blobstore/types@0.2.0-draft';

const encoder = new TextEncoder();
const decoder = new TextDecoder();

function read(container, name, start, end) {
  // u64 parameters are BigInts; get-data's range is inclusive at both ends.
  const value = container.getData(name, start, end);
  return decoder.decode(IncomingValue.incomingValueConsumeSync(value));
}

export function run() {
  const container = containerExists('js-ranges') ? getContainer('js-ranges') : createContainer('js-ranges');

  // Writing goes through a wasi:io output-stream handed out by the outgoing-value.
  const value = OutgoingValue.newOutgoingValue();
  const body = value.outgoingValueWriteBody();
  body.blockingWriteAndFlush(encoder.encode('hello world, from JavaScript'));
  container.writeData('greeting.txt', value);
  OutgoingValue.finish(value);

  const slice = read(container, 'greeting.txt', 6n, 10n);
  console.log(`bytes 6..10: "${slice}"`);
  console.log(`bytes 12..1000: "${read(container, 'greeting.txt', 12n, 1000n)}"`);
  try {
    read(container, 'greeting.txt', 500n, 600n);
  } catch (err) {
    // blobstore's error type is a plain string.
    console.log(`bytes 500..600: error: ${err.payload}`);
  }
  return slice.length;
}
