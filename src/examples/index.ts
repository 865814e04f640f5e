import type { Example } from './exampleTypes';

export type { Example, ExampleGuest } from './exampleTypes';

/** Every example in picker order. */
export const examples: Example[] = [];
