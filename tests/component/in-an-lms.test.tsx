import { screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { encodeProgress } from '../../src/course/progress-codec.ts';
import { createProgress } from '../../src/course/progress.ts';
import { localMirrorKey } from '../../src/tracking/scorm/scorm-tracker.ts';
import { FaultyLms } from '../scorm/faulty-lms.ts';
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

  it('after Save and exit says the learner has left the course, shows the course no more, and calls the LMS no more', async () => {
    const lms = new StrictLms('1.2', { data: { 'cmi.core.lesson_status': 'incomplete' } }).install(window);
    const { user } = await renderCourse({ search: '?lang=en' });
    await user.click(screen.getByRole('button', { name: 'Save and exit' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'You have left the course' })).toHaveFocus();
    expect(screen.getByText('Your progress is saved in the LMS. You can close this window now.')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Start learning' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Save and exit' })).not.toBeInTheDocument();
    expect(lms.callsOf('finish')).toHaveLength(1);
    window.dispatchEvent(new PageTransitionEvent('pagehide', { persisted: false }));
    expect(lms.callsAfterFinish()).toEqual([]);
  });

  it('when the page comes back from the back-forward cache, says the LMS session is over and calls it no more', async () => {
    const lms = new StrictLms('1.2', { data: { 'cmi.core.lesson_status': 'incomplete' } }).install(window);
    const { user } = await renderCourse({ search: '?lang=en' });
    window.dispatchEvent(new PageTransitionEvent('pagehide', { persisted: true }));
    window.dispatchEvent(new PageTransitionEvent('pageshow', { persisted: true }));
    expect(await screen.findByRole('alert')).toHaveTextContent('This LMS session has ended.');
    await user.click(screen.getByRole('button', { name: 'Start learning' })); // learning goes on, on this device
    expect(lms.callsAfterFinish()).toEqual([]);
    expect(lms.callsOf('finish')).toHaveLength(1);
  });

  it('Save and exit with a failing finish: never "saved"; says what is missing, stays open, and can try again', async () => {
    const shim = new FaultyLms(new StrictLms('2004', { data: { 'cmi.completion_status': 'incomplete' } })).install(window);
    shim.set({ finishFails: true });
    const { user } = await renderCourse({ search: '?lang=en' });
    await user.click(screen.getByRole('button', { name: 'Save and exit' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Not everything reached the LMS, so the course stays open.');
    expect(alert).toHaveTextContent('the end of this session');
    expect(screen.queryByText('You have left the course')).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Start learning' })).toBeInTheDocument();
    shim.set({ finishFails: false });
    await user.click(screen.getByRole('button', { name: 'Try again to save and exit' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'You have left the course' })).toBeInTheDocument();
    expect(shim.lms.callsOf('finish')).toHaveLength(1);
  });

  it('unreadable LMS resume data: the learner is told, can download it, and nothing is written over it', async () => {
    const lms = new StrictLms('1.2', { data: { 'cmi.core.lesson_status': 'incomplete', 'cmi.core.entry': 'resume', 'cmi.suspend_data': 'B1~garbled', 'cmi.core.student_id': 'l-1' } }).install(window);
    const { user } = await renderCourse({ search: '?lang=en' });
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('The progress the LMS saved for you could not be read. Nothing will be written over it');
    expect(screen.getByRole('button', { name: "Download the LMS's data" })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: "Continue from this device's copy" })).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Start learning' }));
    expect(lms.calls.filter((c) => c.method === 'LMSSetValue' && /suspend_data|lesson_location|lesson_status/.test(c.args[0]))).toEqual([]);
    expect(Object.keys(localStorage).some((k) => k.includes(':unreadable:') && localStorage.getItem(k) === 'B1~garbled')).toBe(true);
  });

  it('no resume data while the LMS resumes the learner to a bookmark: says so, and writes nothing over the LMS record', async () => {
    const lms = new StrictLms('1.2', { data: { 'cmi.core.lesson_status': 'incomplete', 'cmi.core.entry': 'resume', 'cmi.core.lesson_location': `L${'x'.repeat(5)}.1` } }).install(window);
    const { user } = await renderCourse({ search: '?lang=en' });
    expect(await screen.findByRole('alert')).toHaveTextContent('The LMS says you are continuing, but it gave the course no saved progress.');
    expect(screen.queryByRole('button', { name: "Download the LMS's data" })).not.toBeInTheDocument(); // there is nothing to download
    await user.click(screen.getByRole('button', { name: 'Start learning' }));
    expect(lms.calls.filter((c) => c.method === 'LMSSetValue' && /suspend_data|lesson_location/.test(c.args[0]))).toEqual([]);
  });

  it('unreadable LMS data with a readable copy on this device: offers to continue from it, which then reaches the LMS', async () => {
    const mine = encodeProgress({ ...createProgress(manifest), lang: 'en', modules: { [manifest.modules[0].id]: { score: 100, best: 100, round: 0 } } }, manifest);
    localStorage.setItem(localMirrorKey(manifest, 'l-2'), mine);
    const lms = new StrictLms('2004', { data: { 'cmi.entry': 'resume', 'cmi.suspend_data': 'B7~from-a-newer-course', 'cmi.learner_id': 'l-2' } }).install(window);
    const { user } = await renderCourse({ search: '?lang=en' });
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('was made by a newer version of this course');
    expect(alert).toHaveTextContent('This device has a readable copy of your progress');
    expect(screen.getByText('Mastered, best score 100%')).toBeInTheDocument();
    expect(lms.values['cmi.suspend_data']).toBeUndefined();
    await user.click(screen.getByRole('button', { name: "Continue from this device's copy" }));
    expect(lms.committed['cmi.suspend_data']).toMatch(/^B1~/);
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('inside an LMS a progress file cannot be imported: the LMS record comes from answers given there', async () => {
    new StrictLms('1.2', { data: { 'cmi.core.lesson_status': 'incomplete' } }).install(window);
    const { user } = await renderCourse({ search: '?lang=en' });
    await user.click(await screen.findByRole('button', { name: 'Manage progress' }));
    expect(await screen.findByText(/progress cannot be restored from a file here/)).toBeInTheDocument();
    expect(screen.queryByLabelText('Restore progress from a file')).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Download progress' })).toBeInTheDocument();
  });

  it('is not an LMS course when nothing around it offers the API', async () => {
    await renderCourse({ search: '?lang=en' });
    expect(screen.queryByRole('button', { name: 'Save and exit' })).not.toBeInTheDocument();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });
});
