import type { Lesson } from '../lessonTypes';
import { abiLesson } from './abi/lesson';
import { helloLesson } from './hello/lesson';
import { raceLesson } from './race/lesson';
import { visitsLesson } from './visits/lesson';

/** The shipped course, in order. Every lesson is in the same format a teacher's file uses. */
export const lessons: Lesson[] = [helloLesson, abiLesson, visitsLesson, raceLesson];
