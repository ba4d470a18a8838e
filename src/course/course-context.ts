import { createActorContext } from '@xstate/react';
import { courseMachine } from './course-machine.ts';

/** The one course actor; screens read it through narrow selectors. */
export const CourseContext = createActorContext(courseMachine);
