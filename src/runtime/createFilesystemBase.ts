import { HostError, type InterfaceImpl } from '../hosts/hostContract';

/**
 * A `wasi:filesystem` with no files. JavaScript guests built with componentize-js import
 * `wasi:filesystem/types` and `/preopens` through the preview1 adapter even when the guest
 * never touches a file; the playground has no filesystem, so there are no preopened
 * directories and every descriptor operation fails with the WASI error code `unsupported`.
 * The resource classes exist because jco links imports by name and checks handles with
 * `instanceof` against them; no instance is ever handed out.
 */
export function createFilesystemBase(): Record<string, InterfaceImpl> {
  const unsupported = (what: string) => () => {
    throw new HostError('unsupported', `wasi:filesystem ${what}: the playground has no filesystem`);
  };

  class Descriptor {}
  // Every method of the `descriptor` resource; each fails with error-code `unsupported`.
  const descriptorMethods = [
    'readViaStream', 'writeViaStream', 'appendViaStream', 'advise', 'syncData', 'getFlags', 'getType', 'setSize',
    'setTimes', 'read', 'write', 'readDirectory', 'sync', 'createDirectoryAt', 'stat', 'statAt', 'setTimesAt',
    'linkAt', 'openAt', 'readlinkAt', 'removeDirectoryAt', 'renameAt', 'symlinkAt', 'unlinkFileAt', 'isSameObject',
    'metadataHash', 'metadataHashAt',
  ];
  for (const name of descriptorMethods) {
    Object.defineProperty(Descriptor.prototype, name, { value: unsupported(`descriptor.${name}`), writable: true, configurable: true });
  }

  class DirectoryEntryStream {
    readDirectoryEntry(): never {
      return unsupported('directory-entry-stream.read-directory-entry')();
    }
  }

  return {
    'wasi:filesystem/types': {
      Descriptor,
      DirectoryEntryStream,
      // Only errors from this filesystem could carry a filesystem code, and it creates none.
      filesystemErrorCode: () => undefined,
    } as unknown as InterfaceImpl,
    'wasi:filesystem/preopens': { getDirectories: () => [] },
  };
}
