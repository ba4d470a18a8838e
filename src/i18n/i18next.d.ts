import 'i18next';
import type course from '../../locales/id/course.json';
import type trainer from '../../locales/id/trainer.json';
import type ui from '../../locales/id/ui.json';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'ui';
    resources: { ui: typeof ui; course: typeof course; trainer: typeof trainer };
  }
}
