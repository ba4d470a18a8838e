import { createActorContext } from '@xstate/react';
import { classMachine } from './class-machine.ts';

/** The one class-session actor; class screens read it through narrow selectors. */
export const ClassContext = createActorContext(classMachine);
