/**
 * Sync state in plain words, shared by the popup's dataset panel and the
 * options page's sources section, so both say the same thing the same way.
 */

/** A timestamp in the reader's local time; `none` when there is none. */
export function localTime(iso: string | null | undefined, none = 'never'): string {
  if (!iso) return none;
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : date.toLocaleString();
}

/** What a running sync is doing now ('sync.status' phase). */
export function phaseWords(phase: string): string {
  const words: Record<string, string> = {
    manifest: 'Checking for a new version…',
    download: 'Downloading…',
    verify: 'Verifying…',
    apply: 'Installing…',
  };
  return words[phase] ?? 'Syncing…';
}
