import { describe, expect, it } from 'vitest';
import { Container, StreamObjectNames } from './containerResource';
import { IncomingValue, OutgoingValue } from './values';

/** Function members (prototype and static) the runtime's wrapInterface would trace as WIT methods. */
function functionMembers(cls: object & { prototype: object }): string[] {
  const isFn = (o: object, k: string) => typeof Object.getOwnPropertyDescriptor(o, k)?.value === 'function';
  const proto = Object.getOwnPropertyNames(cls.prototype).filter((k) => k !== 'constructor' && isFn(cls.prototype, k));
  const statics = Object.getOwnPropertyNames(cls).filter((k) => isFn(cls, k)).map((k) => `static ${k}`);
  return [...proto, ...statics].sort();
}

describe('blobstore resource classes', () => {
  // Any extra function member would be traced as a guest call, and an async one makes
  // write-data fail in the browser ("returned a Promise but is not in the JSPI list").
  it('expose exactly the WIT methods as function members', () => {
    expect(functionMembers(OutgoingValue)).toEqual(['outgoingValueWriteBody', 'static finish', 'static newOutgoingValue']);
    expect(functionMembers(IncomingValue)).toEqual(['size', 'static incomingValueConsumeAsync', 'static incomingValueConsumeSync']);
    expect(functionMembers(Container)).toEqual(
      ['clear', 'deleteObject', 'deleteObjects', 'getData', 'hasObject', 'info', 'listObjects', 'name', 'objectInfo', 'writeData'].sort(),
    );
    expect(functionMembers(StreamObjectNames)).toEqual(['readStreamObjectNames', 'skipStreamObjectNames']);
  });
});
