import { createContext, useContext } from 'react';
import type { LmsSession } from './lms.ts';

/** The LMS session when the course runs inside one (src/tracking/lms.ts), else null. */
export const LmsContext = createContext<LmsSession | null>(null);

export const useLms = () => useContext(LmsContext);
