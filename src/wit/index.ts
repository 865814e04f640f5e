// Public surface of the WIT layer, for src/index.ts and the toolchain.
export { WIT_PACKAGES, findWitPackage, type WitPackageEntry } from './loadWitPackages';
export {
  resolveWitDeps, findPackageRefs, findDefinedPackages, nestPackage,
  type ResolvedWitSource, type WitDiagnostic, type WitPackageRef,
} from './resolveWitDeps';
export { parseWit } from './parseWit';
export { resolveWorld, type ResolvedWorld, type ResolvedFunction, type ResolveWorldError } from './resolveWorld';
export { deriveAsyncNames, type AsyncNames, type AsyncNamesError, type WorldExportFunction } from './deriveAsyncNames';
export { locateWitError, type LocatedWitError } from './locateWitError';
export { WIT_LANGUAGE_ID, witMonarchLanguage, witLanguageConfiguration } from './witLanguage';
export type * from './witModel';
