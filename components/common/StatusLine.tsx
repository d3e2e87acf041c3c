/**
 * A polite live region: results, progress and errors are announced to screen
 * readers as they change, without moving focus.
 */
import type { ComponentChildren } from 'preact';

export function StatusLine({
  tone = 'muted',
  children,
  testId,
}: {
  tone?: 'muted' | 'good' | 'warn' | 'error';
  children: ComponentChildren;
  testId?: string;
}) {
  return (
    <p role="status" aria-live="polite" class={`tg-${tone}`} data-testid={testId}>
      {children}
    </p>
  );
}
