import { createContext, useContext } from 'react';

export type ReferencePage = 'glossary' | 'facilitator';

/** Opens a reference page (glossary, trainers' notes) over the course without moving the learner. */
export const ReferenceContext = createContext<(page: ReferencePage, anchor?: string) => void>(() => undefined);

export const useOpenReference = () => useContext(ReferenceContext);
