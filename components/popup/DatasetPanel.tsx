/**
 * The dataset at a glance: which one is installed, from where, how many
 * records, when it was last synced and will be next, the last error in plain
 * words, and a Sync now button with a progress bar ('sync.now', then
 * 'sync.status' every 300 ms while it runs). Without a sync engine answering,
 * it shows what 'dataset.status' gives.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import {
  sendMessage,
  type DatasetStatusReply,
  type SyncStatusReply,
} from '../../messaging/protocol';
import { hostOf } from '../../core/sourceOrigin';
import { StatusLine } from '../common/StatusLine';
import { localTime, phaseWords } from '../common/syncWords';

const POLL_MS = 300;

const COUNTED: readonly { table: keyof DatasetStatusReply['counts']; label: string }[] = [
  { table: 'incidents', label: 'incidents' },
  { table: 'reports', label: 'reports' },
  { table: 'figures', label: 'figures' },
  { table: 'outlets', label: 'outlets' },
  { table: 'actors', label: 'actors' },
  { table: 'places', label: 'places' },
  { table: 'userReports', label: 'your saved pages' },
];

export function DatasetPanel() {
  const [status, setStatus] = useState<DatasetStatusReply | null>(null);
  const [sync, setSync] = useState<SyncStatusReply | null>(null);
  const [error, setError] = useState<string | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);

  const refresh = async () => {
    try {
      setStatus(await sendMessage('dataset.status', {}));
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };
  const poll = async () => {
    const next = await sendMessage('sync.status', {}).catch(() => null);
    setSync(next);
    if (next?.running) timer.current = setTimeout(() => void poll(), POLL_MS);
    else void refresh();
  };

  useEffect(() => {
    void refresh();
    void poll();
    return () => {
      if (timer.current) clearTimeout(timer.current);
    };
  }, []);

  const syncNow = async () => {
    try {
      await sendMessage('sync.now', {});
      await poll();
    } catch (e) {
      setError(`Sync could not start: ${e instanceof Error ? e.message : String(e)}`);
    }
  };

  const lastError = sync?.lastError ?? status?.lastError?.message ?? null;
  return (
    <section aria-labelledby="dataset-heading" class="tg-dataset">
      <h2 id="dataset-heading">Dataset</h2>
      {error && <StatusLine tone="error">Could not reach the extension: {error}</StatusLine>}
      {status === null && error === null && <StatusLine>Loading the dataset status…</StatusLine>}
      {status && (
        <>
          {status.meta ? (
            <p data-testid="dataset-version">
              {status.meta.title}, version {status.meta.version} (
              {status.source ?? 'unknown source'})
            </p>
          ) : (
            <p>No dataset installed yet.</p>
          )}
          {/* The bundled dataset above is the base; synced sources add to it. */}
          {sync?.sources
            .filter((source) => source.version !== null)
            .map((source) => (
              <p key={source.url} data-testid="source-version">
                {hostOf(source.url)}: version {source.version}, synced{' '}
                {localTime(source.lastSyncAt)}
              </p>
            ))}
          <p class="tg-muted">
            Last sync:{' '}
            <span data-testid="last-sync">{localTime(sync?.lastSyncAt ?? status.installedAt)}</span>
            {sync && (
              <>
                {' '}
                · next: <span data-testid="next-sync">{localTime(sync.nextSyncAt)}</span>
              </>
            )}
          </p>
          <details>
            <summary>Records</summary>
            <table>
              <tbody>
                {COUNTED.map(({ table, label }) => (
                  <tr key={table}>
                    <th scope="row" style={{ textAlign: 'left', fontWeight: 'normal' }}>
                      {label}
                    </th>
                    <td data-testid={`count-${table}`} style={{ textAlign: 'right' }}>
                      {status.counts[table]}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </details>
        </>
      )}
      {lastError && (
        <p role="alert" class="tg-error" data-testid="last-error">
          Last error: {lastError}
        </p>
      )}
      <div class="tg-row">
        <button
          type="button"
          onClick={() => void syncNow()}
          disabled={sync?.running === true}
          data-testid="sync-now"
        >
          {sync?.running ? 'Syncing…' : 'Sync now'}
        </button>
      </div>
      {sync?.running && (
        <div role="status" aria-live="polite">
          <label>
            {phaseWords(sync.phase)}
            <progress
              data-testid="sync-progress"
              max={sync.total > 0 ? sync.total : undefined}
              value={sync.total > 0 ? sync.done : undefined}
            />
          </label>
        </div>
      )}
    </section>
  );
}
