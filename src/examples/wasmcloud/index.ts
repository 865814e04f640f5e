import type { Example } from '../exampleTypes';
import askerWat from '../messaging/asker.wat?raw';
import askerWit from '../messaging/asker.wit?raw';
import shouterWat from '../messaging/shouter.wat?raw';
import shouterWit from '../messaging/shouter.wit?raw';
import bridgeJs from './bridge.js?raw';
import bridgeWit from './bridge.wit?raw';

/** The WASI asker, pointed at the wasmCloud handler's subject. */
const wasiAskerWat = askerWat.replace('(data (i32.const 32) "greet\\00")', '(data (i32.const 32) "wc.echo\\00")');

/** Examples of components written for other hosts, running unmodified here. */
export const wasmcloudExamples: Example[] = [
  {
    id: 'wasmcloud-meets-wasi',
    title: 'wasmCloud messaging meets wasi:messaging',
    description:
      'The bridge is a wasmCloud 1.x component in JavaScript (componentize-js, built here): it imports wasmcloud:messaging/consumer@0.2.0 and exports wasmcloud:messaging/handler@0.2.0, as it would on wasmCloud. Its run makes a wasmCloud request on greet, which the WASI shouter (wasi:messaging incoming-handler) answers; then the WASI asker sends a wasi:messaging request to wc.echo, which the wasmCloud handler answers by publishing to the reply-to it received. Both packages share one bus, so the diagram shows all three guests and every request, delivery and reply.',
    tags: ['messaging', 'javascript', 'wasmcloud'],
    guests: [
      { name: 'shouter', lang: 'wat', wit: shouterWit, source: shouterWat, subscriptions: ['greet'] },
      { name: 'wc-bridge', lang: 'js', wit: bridgeWit, source: bridgeJs, call: 'run', subscriptions: ['wc.echo'] },
      { name: 'wasi-asker', lang: 'wat', wit: askerWit, source: wasiAskerWat, call: 'run' },
    ],
  },
];
