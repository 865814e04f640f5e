import type { Example } from './exampleTypes';
import { keyvalueExamples } from './keyvalue/index';
import { messagingExamples } from './messaging/index';
import { blobstoreExamples } from './blobstore/index';
import { proposalExamples } from './proposals/index';
import { jsExamples } from './js/index';
import { p3Examples } from './p3/index';
import { wasmcloudExamples } from './wasmcloud/index';
import { linkedExamples } from './linked/index';

export type { Example, ExampleGuest } from './exampleTypes';

/** Every example in picker order. */
export const examples: Example[] = [...keyvalueExamples, ...messagingExamples, ...blobstoreExamples, ...jsExamples, ...wasmcloudExamples, ...linkedExamples, ...proposalExamples, ...p3Examples];
