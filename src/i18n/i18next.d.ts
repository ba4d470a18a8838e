import 'i18next';
import type id from '../../locales/id/ui.json';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'ui';
    resources: { ui: typeof id };
  }
}
