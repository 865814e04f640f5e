import { HostError, type HostContext } from '../hostContract';
import type { InputStream } from '../io/index';
import { createBlobstoreHost } from './createBlobstoreHost';
import type { Container } from './containerResource';
import { IncomingValue, OutgoingValue } from './values';

let counter = 0;

/** Blobstore interfaces of a fresh host in a namespace no other test uses. */
export async function freshBlobstore() {
  const ctx = {
    config: { guest: 'g', namespace: `blob-test-${process.pid}-${++counter}`, subscriptions: [], buckets: [] },
    emit: () => undefined,
    log: () => undefined,
  } satisfies HostContext;
  const impl = await createBlobstoreHost().create(ctx);
  return impl.blobstore as {
    createContainer(name: string): Promise<Container>;
    getContainer(name: string): Promise<Container>;
    deleteContainer(name: string): Promise<void>;
    containerExists(name: string): Promise<boolean>;
    copyObject(src: { container: string; object: string }, dest: { container: string; object: string }): Promise<void>;
    moveObject(src: { container: string; object: string }, dest: { container: string; object: string }): Promise<void>;
  };
}

/** Writes `data` the way a guest does: body stream in permit-sized writes, write-data, finish. */
export async function writeObject(container: Container, name: string, data: Uint8Array): Promise<void> {
  const value = OutgoingValue.newOutgoingValue();
  const body = value.outgoingValueWriteBody();
  for (let at = 0; at < data.length; ) {
    const permit = Number(body.checkWrite());
    // slice(): a guest's writes arrive as fresh copies of its memory.
    const chunk = data.slice(at, at + permit);
    await body.write(chunk);
    at += chunk.length;
  }
  await container.writeData(name, value);
  await OutgoingValue.finish(value);
}

/** Reads a value through its async body stream in `chunk`-byte reads. */
export async function readAll(value: IncomingValue, chunk = 4096n): Promise<{ bytes: Uint8Array; reads: number[] }> {
  const stream: InputStream = IncomingValue.incomingValueConsumeAsync(value);
  const parts: Uint8Array<ArrayBuffer>[] = [];
  for (;;) {
    try {
      parts.push((await stream.read(chunk)) as Uint8Array<ArrayBuffer>);
    } catch (e) {
      if (e instanceof HostError && (e.payload as { tag: string }).tag === 'closed') break;
      throw e;
    }
  }
  return { bytes: new Uint8Array(await new Blob(parts).arrayBuffer()), reads: parts.map((p) => p.length) };
}

/** The WIT error string a call failed with. */
export async function errorOf(call: () => Promise<unknown>): Promise<string> {
  try {
    await call();
  } catch (e) {
    if (e instanceof HostError) return String(e.payload);
    throw e;
  }
  throw new Error('expected the call to fail');
}

export const text = (s: string) => new TextEncoder().encode(s);
export const decode = (b: Uint8Array) => new TextDecoder().decode(b);
