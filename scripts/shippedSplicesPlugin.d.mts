import type { Plugin } from 'vite';

/** The shipped-splices plugin (see shippedSplicesPlugin.mjs); `splice: false` serves an empty manifest. */
export function shippedSplices(options?: { splice?: boolean }): Plugin;
