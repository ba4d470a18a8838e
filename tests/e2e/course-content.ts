import path from 'node:path';
import { compileContent } from '../../scripts/content/compile.ts';
import type { ItemSpec, Lang } from '../../src/content/types.ts';
import { uiStrings } from '../ui-strings.ts';

/** The real course, compiled in Node, so journeys follow whatever lessons/ holds. */
export const course = compileContent(path.resolve('lessons'));
export const ui = uiStrings;

/** Course and module titles per language. */
export const titles = course.welcome;

const fill = (template: string, values: Record<string, string | number>) =>
  template.replace(/\{\{(\w+)\}\}/g, (_, key: string) => String(values[key]));

export const say = (lang: Lang, pick: (strings: typeof uiStrings.id) => string, values: Record<string, string | number> = {}) =>
  fill(pick(ui[lang]), values);

export const htmlText = (html: string) =>
  html.replace(/<[^>]+>/g, '').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

/** The label a learner sees for an option. */
export function optionLabel(moduleId: string, item: ItemSpec, key: string, lang: Lang): string {
  if (item.type === 'classify-level') return ui[lang].levels[key as 'casework'];
  if (item.type === 'classify-strategy') return ui[lang].strategies[key as 'locality'];
  return htmlText(course.texts[moduleId][lang].items[item.id].options![key]);
}
