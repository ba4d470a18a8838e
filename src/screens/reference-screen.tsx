import FacilitatorScreen from './facilitator-screen.tsx';
import GlossaryScreen from './glossary-screen.tsx';
import type { ReferencePage } from './reference-context.ts';

/** The glossary or the trainers' notes, shown over the course. */
export default function ReferenceScreen({ page, anchor }: { page: ReferencePage; anchor?: string }) {
  return page === 'glossary' ? <GlossaryScreen term={anchor} /> : <FacilitatorScreen module={anchor} />;
}
