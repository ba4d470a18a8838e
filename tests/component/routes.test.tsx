import { render, screen } from '@testing-library/react';
import { manifest } from 'virtual:berdaya/course';
import { describe, expect, it } from 'vitest';
import { bootCourse } from '../../src/boot.tsx';
import { tFor } from '../ui-strings.ts';
import { titles } from './render-course.tsx';

describe('a link to a module', () => {
  it.each(['id', 'en'] as const)('says plainly when the module is still locked, and keeps me where I am (%s)', async (lang) => {
    const t = tFor(lang);
    history.replaceState(null, '', '/#/m/03/p/1');
    const strict = { ...manifest, gating: 'strict' as const };
    render(await bootCourse({ manifest: strict, storage: localStorage, search: `?lang=${lang}`, browserLanguages: [] }));
    expect(await screen.findByRole('alert')).toHaveTextContent(t('routes.locked', { number: 3, previous: 2 }));
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent(titles[lang].title);
    expect(location.hash).toBe('#/');
  });
});
