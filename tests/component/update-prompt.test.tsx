import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { I18nextProvider } from 'react-i18next';
import { describe, expect, it } from 'vitest';
import { UpdatePrompt } from '../../src/components/update-prompt.tsx';
import { createI18n } from '../../src/i18n/i18n.ts';
import { createUpdateOffer } from '../../src/platform/offline.ts';
import { namespaces } from '../ui-strings.ts';

describe.each(['id', 'en'] as const)('the update prompt in %s', (lang) => {
  const strings = namespaces[lang].ui.update;

  it('says nothing until a new version is ready, then offers Reload in a polite live region; Reload applies it', async () => {
    const offer = createUpdateOffer();
    const { container } = render(
      <I18nextProvider i18n={createI18n(lang, { [lang]: { ui: namespaces[lang].ui } })}>
        <UpdatePrompt offer={offer} />
      </I18nextProvider>,
    );
    const region = container.querySelector('[aria-live="polite"]')!;
    expect(region).toBeEmptyDOMElement();
    let applied = 0;
    act(() => offer.offer(() => applied++));
    expect(region).toHaveTextContent(strings.ready);
    expect(applied).toBe(0);
    await userEvent.setup().click(screen.getByRole('button', { name: strings.reload }));
    expect(applied).toBe(1);
  });
});
