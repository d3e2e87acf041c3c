/**
 * What is highlighted on pages (settings.highlight: names, places, incidents,
 * figures) and how it looks (theme, hover delay). Content scripts listen to
 * storage changes, so every open page follows at once.
 */
import { useEffect, useState } from 'preact/hooks';
import { HIGHLIGHT_KINDS, type HighlightKind, type Settings } from '../../core/settings';
import { HOVER_DELAY_MAX_MS, readHoverDelay } from './settingsEdits';
import type { SectionProps } from './types';

const KIND_WORDS: Record<HighlightKind, { label: string; hint: string }> = {
  actors: { label: 'Names', hint: 'people, armed groups and state bodies' },
  places: { label: 'Places', hint: 'towns, districts and regions of a linked incident' },
  incidents: { label: 'Incidents', hint: 'the names of known attacks and operations' },
  figures: { label: 'Casualty figures', hint: 'coloured by how they compare with other outlets' },
};

const THEMES: readonly { value: Settings['theme']; label: string }[] = [
  { value: 'auto', label: 'Same as the system' },
  { value: 'light', label: 'Light' },
  { value: 'dark', label: 'Dark' },
];

export function HighlightSection({ settings, save }: SectionProps) {
  return (
    <section aria-labelledby="highlight-heading">
      <h2 id="highlight-heading">What to highlight</h2>
      <fieldset>
        <legend>Highlight on pages</legend>
        {HIGHLIGHT_KINDS.map((kind) => (
          <label key={kind} class="tg-check">
            <input
              type="checkbox"
              checked={settings.highlight[kind]}
              aria-describedby={`highlight-${kind}-hint`}
              onChange={(event) => {
                const on = event.currentTarget.checked;
                void save(
                  (current) => ({ ...current, highlight: { ...current.highlight, [kind]: on } }),
                  `${KIND_WORDS[kind].label} ${on ? 'are highlighted' : 'are no longer highlighted'}.`,
                );
              }}
            />
            {KIND_WORDS[kind].label}
            <span id={`highlight-${kind}-hint`} class="tg-muted">
              {' '}
              ({KIND_WORDS[kind].hint})
            </span>
          </label>
        ))}
      </fieldset>
    </section>
  );
}

export function AppearanceSection({ settings, save, announce }: SectionProps) {
  const [delay, setDelay] = useState(String(settings.hoverDelayMs));
  const [delayError, setDelayError] = useState<string | null>(null);
  useEffect(() => setDelay(String(settings.hoverDelayMs)), [settings.hoverDelayMs]);

  const commitDelay = () => {
    const read = readHoverDelay(delay);
    if (!read.ok) {
      setDelayError(read.error);
      announce('error', read.error);
      return;
    }
    setDelayError(null);
    if (read.ms === settings.hoverDelayMs) return;
    void save(
      (current) => ({ ...current, hoverDelayMs: read.ms }),
      `Popovers open after ${read.ms} ms.`,
    );
  };

  return (
    <section aria-labelledby="appearance-heading">
      <h2 id="appearance-heading">Appearance</h2>
      <fieldset>
        <legend>Theme of popovers, the popup and this page</legend>
        {THEMES.map(({ value, label }) => (
          <label key={value} class="tg-check">
            <input
              type="radio"
              name="theme"
              value={value}
              checked={settings.theme === value}
              onChange={() =>
                void save(
                  (current) => ({ ...current, theme: value }),
                  `Theme: ${label.toLowerCase()}.`,
                )
              }
            />
            {label}
          </label>
        ))}
      </fieldset>
      <form
        class="tg-field tg-field-wide"
        onSubmit={(event) => {
          event.preventDefault();
          commitDelay();
        }}
        noValidate
      >
        <label for="hover-delay">Hover delay (ms)</label>
        <input
          id="hover-delay"
          type="number"
          min={0}
          max={HOVER_DELAY_MAX_MS}
          step={50}
          value={delay}
          aria-invalid={delayError !== null}
          aria-describedby={delayError ? 'hover-delay-hint hover-delay-error' : 'hover-delay-hint'}
          onInput={(event) => setDelay(event.currentTarget.value)}
          onChange={commitDelay}
        />
      </form>
      <p id="hover-delay-hint" class="tg-muted tg-small">
        How long the pointer rests on an annotation before its popover opens. Clicking or pressing
        Enter opens it at once.
      </p>
      {delayError && (
        <p id="hover-delay-error" class="tg-error tg-small">
          {delayError}
        </p>
      )}
    </section>
  );
}
