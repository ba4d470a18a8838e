import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { manifest } from 'virtual:berdaya/course';
import { App } from './app.tsx';
import { createI18n, resolveLanguage } from './i18n/i18n.ts';
import { createLocalStore } from './tracking/local-store.ts';
import './styles.css';

const store = createLocalStore(manifest);
const { progress, notice } = store.load();
const lang = resolveLanguage({
  query: new URLSearchParams(location.search).get('lang'),
  saved: progress.lang,
  browser: navigator.languages,
});
const i18n = createI18n(lang);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <I18nextProvider i18n={i18n}>
      <App manifest={manifest} progress={{ ...progress, lang }} store={store} notice={notice} />
    </I18nextProvider>
  </StrictMode>,
);
