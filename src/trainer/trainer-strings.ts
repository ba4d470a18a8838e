import { addLoaders, json } from '../i18n/i18n.ts';

// Class mode's strings (the `trainer` namespace) load with class mode, never in the learner's first view.
addLoaders('trainer', {
  id: () => json(import('../../locales/id/trainer.json')),
  en: () => json(import('../../locales/en/trainer.json')),
});
