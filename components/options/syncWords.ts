/**
 * One dataset source's sync state in plain words, from what 'sync.status'
 * reports for it: turned off, never synced, the installed version and when,
 * or the last error (already in plain words from the sync engine).
 */
import type { DatasetSource } from '../../core/settings';
import type { SyncSourceStatus } from '../../messaging/protocol';

export interface SourceSyncLine {
  tone: 'muted' | 'good' | 'error';
  text: string;
}

export function sourceSyncLine(
  source: DatasetSource,
  status: SyncSourceStatus | undefined,
  when: (iso: string) => string,
): SourceSyncLine[] {
  const lines: SourceSyncLine[] = [];
  if (!source.enabled) lines.push({ tone: 'muted', text: 'Turned off: not synced.' });
  if (status !== undefined && status.version !== null) {
    const at = status.lastSyncAt === null ? '' : `, synced ${when(status.lastSyncAt)}`;
    lines.push({ tone: 'good', text: `Version ${status.version} installed${at}.` });
  } else if (status !== undefined && status.lastSyncAt !== null) {
    lines.push({
      tone: 'muted',
      text: `Checked ${when(status.lastSyncAt)}; nothing installed from it yet.`,
    });
  } else if (source.enabled) {
    lines.push({ tone: 'muted', text: 'Not synced yet.' });
  }
  if (status?.lastError) lines.push({ tone: 'error', text: `Last error: ${status.lastError}` });
  return lines;
}
