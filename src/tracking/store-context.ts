import { createContext, useContext } from 'react';
import type { ProgressStore } from './local-store.ts';

export const StoreContext = createContext<ProgressStore | null>(null);

export function useStore(): ProgressStore {
  const store = useContext(StoreContext);
  if (!store) throw new Error('useStore needs <StoreContext.Provider>');
  return store;
}
