/** Learn mode's engine: the lesson format, the shipped course and Check. Framework-free. */
export { LESSON_FORMAT, type Lesson, type LessonGuest, type LessonCheck, type LessonLink, type Expectation, type CountRule } from './lessonTypes';
export type { RunRecord, GuestRecord, StorageSnapshot } from './runRecord';
export { emptyRecord } from './runRecord';
export { judgeRun, type Verdict } from './judgeRun';
export { runCheck, type CheckRun, type RunCheckOptions } from './runCheck';
export { checkLesson, isHelperGuest, learnerGuests, solutionGuests, type CheckOutcome } from './checkLesson';
export { parseLesson, parseLessonFile, LessonError } from './parseLesson';
export { encodeLessonHash, decodeLessonHash, isLessonHash, LESSON_LINK_PREFIX } from './lessonLink';
export { readNamespace, deleteNamespace } from './readNamespace';
export { lessons } from './lessons/index';
export { lessonVersion } from './lessonVersion';
