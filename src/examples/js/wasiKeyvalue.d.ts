// Types for the WIT import the TypeScript example uses, so the project's type check covers
// visitLog.ts as users see it (componentize-js resolves the module at build time, not tsc).
declare module 'wasi:keyvalue/store@0.2.0-draft2' {
  /** record key-response */
  export interface KeyResponse {
    keys: string[];
    cursor?: string;
  }
  /** resource bucket; methods throw `{ payload: error }` on result::err. */
  export class Bucket {
    get(key: string): Uint8Array | undefined;
    set(key: string, value: Uint8Array): void;
    delete(key: string): void;
    exists(key: string): boolean;
    listKeys(cursor: string | undefined): KeyResponse;
  }
  export function open(identifier: string): Bucket;
}
