import { screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { encodeProgress } from '../../src/course/progress-codec.ts';
import { createProgress } from '../../src/course/progress.ts';
import { StrictLms } from '../scorm/strict-lms.ts';
import { manifest, renderCourse, titles } from './render-course.tsx';

const w = window as unknown as Record<string, unknown>;
afterEach(() => {
  delete w.API;
  delete w.API_1484_11;
});

describe('the course inside an LMS', () => {
  it('starts from the LMS record in the language the learner chose there, with a Save and exit button', async () => {
    const saved = encodeProgress({ ...createProgress(manifest), lang: null, modules: { [manifest.modules[0].id]: { score: 100, best: 100, round: 0 } } }, manifest);
    new StrictLms('1.2', { data: { 'cmi.core.lesson_status': 'incomplete', 'cmi.suspend_data': saved, 'cmi.student_preference.language': 'en' } }).install(window);
    await renderCourse({ browserLanguages: ['id-ID'] });
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent(titles.en.title);
    expect(screen.getByText('Mastered, best score 100%')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Save and exit' })).toBeInTheDocument();
  });

  it('says so when the LMS already records the course as passed but starts a new attempt with no resume data', async () => {
    new StrictLms('2004', { data: { 'cmi.completion_status': 'completed', 'cmi.success_status': 'passed', 'cmi.entry': 'ab-initio' } }).install(window);
    await renderCourse({ search: '?lang=en' });
    expect(await screen.findByRole('alert')).toHaveTextContent('The LMS already records that you completed this course.');
  });

  it('runs on this device and says so when the LMS refuses to start a session', async () => {
    const lms = new StrictLms('1.2').install(window);
    lms.api.LMSInitialize = () => 'false';
    const { user } = await renderCourse({ search: '?lang=en' });
    expect(await screen.findByRole('alert')).toHaveTextContent('The LMS cannot be reached, so your progress is saved on this device only.');
    expect(screen.queryByRole('button', { name: 'Save and exit' })).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Start learning' }));
    expect(localStorage.getItem(`berdaya:${manifest.id}:progress`)).toMatch(/^B1~/);
  });

  it('after Save and exit, or when the page comes back from the back-forward cache, says the LMS session is over and calls it no more', async () => {
    const lms = new StrictLms('1.2', { data: { 'cmi.core.lesson_status': 'incomplete' } }).install(window);
    const { user } = await renderCourse({ search: '?lang=en' });
    await user.click(screen.getByRole('button', { name: 'Save and exit' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Your progress is saved in the LMS. You can close this window now.');
    expect(lms.callsOf('finish')).toHaveLength(1);
    await user.click(screen.getByRole('button', { name: 'Dismiss' }));

    window.dispatchEvent(new PageTransitionEvent('pagehide', { persisted: true }));
    window.dispatchEvent(new PageTransitionEvent('pageshow', { persisted: true }));
    expect(await screen.findByRole('alert')).toHaveTextContent('This LMS session has ended.');
    await user.click(screen.getByRole('button', { name: 'Start learning' })); // learning goes on, on this device
    expect(lms.callsAfterFinish()).toEqual([]);
    expect(lms.callsOf('finish')).toHaveLength(1);
  });

  it('is not an LMS course when nothing around it offers the API', async () => {
    await renderCourse({ search: '?lang=en' });
    expect(screen.queryByRole('button', { name: 'Save and exit' })).not.toBeInTheDocument();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });
});
