/**
 * The popover's panel: a header (what it is about, a close button) and a
 * scrollable body with the verdict, the incident or the actor/place. It only
 * renders a PopoverView (core/popoverModel.ts); every dataset or page string
 * goes in as text, never as markup.
 */
import type { PopoverView } from '../../core/popoverModel';
import { EntitySection } from './EntitySection';
import { IncidentSection } from './IncidentSection';

export type PopoverTheme = 'auto' | 'light' | 'dark';

export function Popover({
  view,
  theme,
  onClose,
}: {
  view: PopoverView;
  theme: PopoverTheme;
  onClose: () => void;
}) {
  return (
    <div
      class={`tg-panel tg-theme-${theme}`}
      role="dialog"
      aria-modal="false"
      aria-label={view.label}
      tabIndex={-1}
    >
      <div class="tg-head">
        <p class="tg-eyebrow">{view.eyebrow}</p>
        <h2 class="tg-title">{view.title}</h2>
        {view.subtitle !== null && <p class="tg-subtitle">{view.subtitle}</p>}
        <button
          type="button"
          class="tg-close"
          aria-label="Close"
          title="Close (Esc)"
          onClick={onClose}
        >
          ×
        </button>
      </div>
      <div class="tg-body" tabIndex={0} aria-label="Details">
        {view.verdict !== null && (
          <p class={`tg-verdict tg-tone-${view.verdict.tone}`} data-part="verdict">
            {view.verdict.text}
          </p>
        )}
        {view.incident !== null && <IncidentSection incident={view.incident} />}
        {view.entity !== null && <EntitySection entity={view.entity} />}
      </div>
    </div>
  );
}
