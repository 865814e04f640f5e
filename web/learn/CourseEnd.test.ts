import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { lessons } from '../../src/index';
import { CourseEnd } from './CourseEnd';
import { emptyProgress, type LessonProgress } from './progressStore';

// createElement, not JSX: unit tests are .ts files (vite.config.ts includes only those).
const render = (progress: Record<string, LessonProgress>) => renderToStaticMarkup(createElement(CourseEnd, { lessons, progress, onOpen: () => {} }));

const doneAll = (except: string[] = []): Record<string, LessonProgress> =>
  Object.fromEntries(lessons.filter((l) => !except.includes(l.id)).map((l) => [l.id, { ...emptyProgress(), done: true }]));

describe('CourseEnd', () => {
  it('says the course is complete when every lesson is done', () => {
    const html = render(doneAll());
    expect(html).toContain('Course complete!');
    expect(html).toContain(`all ${lessons.length} lessons`);
    expect(html).not.toContain('still open');
  });

  it('links each lesson still open, numbered as in the picker', () => {
    const html = render(doneAll([lessons[0].id, lessons[4].id]));
    expect(html).toContain('2 lessons are');
    expect(html).toContain(`1. ${lessons[0].title}`);
    expect(html).toContain(`5. ${lessons[4].title}`);
    expect(html.match(/course-open-lesson/g)).toHaveLength(2);
  });
});
