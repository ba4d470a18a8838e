import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { capabilities, type Capability } from '../platform/capabilities.ts';

/**
 * Shows its children where the platform allows `capability`; elsewhere one plain sentence saying
 * so, in the learner's language, instead of a button that would do nothing.
 */
export function Allowed({ capability, children }: { capability: Capability; children: ReactNode }) {
  const { t } = useTranslation('ui');
  return capabilities[capability] ? children : <p className="unavailable">{t(`unavailable.${capability}`)}</p>;
}
