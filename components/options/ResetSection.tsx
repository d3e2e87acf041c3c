/**
 * Reset to defaults, in two steps: the button opens a confirmation that says
 * what is reset and what is kept (the dataset sources, the installed dataset
 * and the saved pages), and focus moves to it; Cancel puts focus back.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { resetKeepingSources } from './settingsEdits';
import type { SectionProps } from './types';

export function ResetSection({ save }: Pick<SectionProps, 'save'>) {
  const [confirming, setConfirming] = useState(false);
  const opener = useRef<HTMLButtonElement>(null);
  const confirmButton = useRef<HTMLButtonElement>(null);
  const wasConfirming = useRef(false);

  useEffect(() => {
    if (confirming) confirmButton.current?.focus();
    else if (wasConfirming.current) opener.current?.focus();
    wasConfirming.current = confirming;
  }, [confirming]);

  const reset = async () => {
    await save(resetKeepingSources, 'Settings are back to their defaults.');
    setConfirming(false);
  };

  return (
    <section aria-labelledby="reset-heading">
      <h2 id="reset-heading">Reset</h2>
      {confirming ? (
        <div
          role="group"
          aria-labelledby="reset-question"
          class="tg-confirm"
          data-testid="reset-confirm"
        >
          <p id="reset-question">
            Reset sites, highlights, theme, hover delay and sync interval to their defaults? Your
            dataset sources, the installed dataset and your saved pages are kept.
          </p>
          <div class="tg-row">
            <button
              type="button"
              class="tg-danger"
              ref={confirmButton}
              onClick={() => void reset()}
            >
              Reset settings
            </button>
            <button type="button" onClick={() => setConfirming(false)}>
              Cancel
            </button>
          </div>
        </div>
      ) : (
        <button type="button" ref={opener} onClick={() => setConfirming(true)}>
          Reset to defaults…
        </button>
      )}
    </section>
  );
}
