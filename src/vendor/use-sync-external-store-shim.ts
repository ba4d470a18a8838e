// React 19 has useSyncExternalStore: what react-i18next and @xstate/react import as the shim for
// older React is React's own hook (see vite.config.ts). The package's main entry would do the
// same but logs an error in development builds.
export { useSyncExternalStore } from 'react';
