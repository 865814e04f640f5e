import type { Lesson } from '../lessonTypes';
import { abiLesson } from './abi/lesson';
import { acksLesson } from './acks/lesson';
import { batchLesson } from './batch/lesson';
import { blobsLesson } from './blobs/lesson';
import { cloudEventsLesson } from './cloudevents/lesson';
import { guaranteesLesson } from './guarantees/lesson';
import { helloLesson } from './hello/lesson';
import { offsetsLesson } from './offsets/lesson';
import { pubsubLesson } from './pubsub/lesson';
import { pullLesson } from './pull/lesson';
import { queueLesson } from './queue/lesson';
import { raceLesson } from './race/lesson';
import { rangesLesson } from './ranges/lesson';
import { replyLesson } from './reply/lesson';
import { visitsLesson } from './visits/lesson';
import { watcherLesson } from './watcher/lesson';

/** The shipped course, in order. Every lesson is in the same format a teacher's file uses. */
export const lessons: Lesson[] = [
  helloLesson,
  abiLesson,
  visitsLesson,
  raceLesson,
  batchLesson,
  watcherLesson,
  pubsubLesson,
  queueLesson,
  replyLesson,
  cloudEventsLesson,
  blobsLesson,
  acksLesson,
  offsetsLesson,
  pullLesson,
  rangesLesson,
  guaranteesLesson,
];
