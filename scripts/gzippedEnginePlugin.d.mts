import type { Plugin } from 'vite';

/** Emits `<file>.gz.bin` beside the JS engine's two large wasm files (see gzippedEnginePlugin.mjs). */
export function gzippedEngineAssets(): Plugin;
