/**
 * Dataset sources: each configured manifest with its pinned key, an on/off
 * switch, its sync state ('sync.status', polled while a sync runs), Remove
 * (which gives the host permission back when no other source needs it), a
 * Sync now button, the sync interval, and the form that adds a source. The
 * host permission is asked for inside the Add click itself (browsers grant
 * permissions only during a user gesture); refused, the source is not added
 * and the page says why.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { DatasetSource } from '../../core/settings';
import { hostOf, originOf } from '../../core/sourceOrigin';
import {
  releaseSourcePermission,
  requestSourcePermission,
} from '../../entrypoints/options/permission';
import { sendMessage, type SyncStatusReply } from '../../messaging/protocol';
import { intervalWords, syncIntervalChoices } from './settingsEdits';
import { isUnprotected, readSourceDraft, releasesPermission } from './sourceForm';
import { localTime, phaseWords } from '../common/syncWords';
import { sourceSyncLine } from './syncWords';
import type { SectionProps } from './types';

const POLL_MS = 400;

export function SourcesSection({ settings, save, announce }: SectionProps) {
  const [sync, setSync] = useState<SyncStatusReply | null>(null);
  const [syncError, setSyncError] = useState<string | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const wasRunning = useRef(false);

  const poll = async () => {
    if (timer.current) clearTimeout(timer.current);
    try {
      const next = await sendMessage('sync.status', {});
      setSync(next);
      setSyncError(null);
      // The end of a sync this page watched is announced, with its outcome.
      if (wasRunning.current && !next.running) {
        if (next.lastError) announce('error', `Sync finished with an error: ${next.lastError}`);
        else announce('good', 'Sync finished.');
      }
      wasRunning.current = next.running;
      if (next.running) timer.current = setTimeout(() => void poll(), POLL_MS);
    } catch (error) {
      setSyncError(error instanceof Error ? error.message : String(error));
    }
  };

  useEffect(() => {
    void poll();
    return () => {
      if (timer.current) clearTimeout(timer.current);
    };
  }, []);

  const syncNow = async () => {
    try {
      const { started } = await sendMessage('sync.now', {});
      announce('muted', started ? 'Syncing the dataset sources…' : 'A sync is already running.');
      wasRunning.current = true;
      await poll();
    } catch (error) {
      announce(
        'error',
        `Sync could not start: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  };

  const remove = async (source: DatasetSource) => {
    const saved = await save(
      (current) => ({ ...current, sources: current.sources.filter((s) => s.url !== source.url) }),
      `Removed the source ${source.url}.`,
    );
    if (!saved) return;
    const remaining = settings.sources.filter((s) => s.url !== source.url);
    // A permission granted at install (not optional) cannot be removed: nothing to give back then.
    if (releasesPermission(source.url, remaining)) {
      await releaseSourcePermission(source.url).catch(() => false);
    }
  };

  const statusOf = (url: string) => sync?.sources.find((status) => status.url === url);
  const running = sync?.running === true;

  return (
    <section aria-labelledby="sources-heading">
      <h2 id="sources-heading">Dataset sources</h2>
      <p class="tg-muted">
        Triangulate compares pages with a reference dataset. The built-in one ships with the
        extension; a source adds a published dataset (a manifest address), checked for size,
        checksum and, when you pin its key, signature before anything is installed.
      </p>
      {settings.sources.length === 0 ? (
        <p data-testid="no-sources">No source added: Triangulate uses its built-in dataset.</p>
      ) : (
        <ul class="tg-list" data-testid="sources">
          {settings.sources.map((source, index) => (
            <li key={source.url} data-testid="source-row">
              <div class="tg-row" style={{ justifyContent: 'space-between' }}>
                <span class="tg-url" id={`source-url-${index}`}>
                  {source.url}
                </span>
                <button type="button" onClick={() => void remove(source)}>
                  Remove<span class="tg-visually-hidden"> {source.url}</span>
                </button>
              </div>
              <label class="tg-check">
                <input
                  type="checkbox"
                  checked={source.enabled}
                  onChange={(event) => {
                    const enabled = event.currentTarget.checked;
                    void save(
                      (current) => ({
                        ...current,
                        sources: current.sources.map((s) =>
                          s.url === source.url ? { ...s, enabled } : s,
                        ),
                      }),
                      `${enabled ? 'Turned on' : 'Turned off'} the source ${source.url}.`,
                    );
                  }}
                />
                Sync from this source<span class="tg-visually-hidden"> {source.url}</span>
              </label>
              <p class="tg-muted tg-small">
                {source.publicKey
                  ? `Pinned key ${source.publicKey.slice(0, 10)}…: only datasets it signed are installed.`
                  : 'No pinned key: the dataset is checked against its manifest only.'}
              </p>
              {isUnprotected(source) && (
                <p class="tg-warn tg-small">
                  Plain http without a pinned key: anyone on the network path could change this
                  dataset.
                </p>
              )}
              {sourceSyncLine(source, statusOf(source.url), localTime).map((line) => (
                <p key={line.text} class={`tg-${line.tone} tg-small`} data-testid="source-sync">
                  {line.text}
                </p>
              ))}
            </li>
          ))}
        </ul>
      )}
      <div class="tg-row">
        <button
          type="button"
          onClick={() => void syncNow()}
          disabled={running}
          data-testid="sync-now"
        >
          {running ? 'Syncing…' : 'Sync now'}
        </button>
        <span class="tg-muted" data-testid="sync-times">
          {sync
            ? `Last sync: ${localTime(sync.lastSyncAt)} · next: ${localTime(sync.nextSyncAt, 'not scheduled')}`
            : ''}
        </span>
      </div>
      {running && sync && (
        <label class="tg-progress">
          {phaseWords(sync.phase)}
          <progress
            max={sync.total > 0 ? sync.total : undefined}
            value={sync.total > 0 ? sync.done : undefined}
          />
        </label>
      )}
      {sync?.lastError && !running && (
        <p class="tg-error" data-testid="sync-error">
          Last sync error: {sync.lastError}
        </p>
      )}
      {syncError && <p class="tg-error">The sync service did not answer: {syncError}</p>}
      <div class="tg-field tg-field-wide">
        <label for="sync-interval">Check for updates</label>
        <select
          id="sync-interval"
          value={String(settings.syncIntervalHours)}
          onChange={(event) => {
            const hours = Number(event.currentTarget.value);
            void save(
              (current) => ({ ...current, syncIntervalHours: hours }),
              `Sources are checked ${intervalWords(hours).toLowerCase()}.`,
            );
          }}
        >
          {syncIntervalChoices(settings.syncIntervalHours).map((hours) => (
            <option key={hours} value={String(hours)}>
              {intervalWords(hours)}
            </option>
          ))}
        </select>
      </div>
      <AddSource
        settings={settings}
        save={save}
        announce={announce}
        onAdded={() => void syncNow()}
      />
    </section>
  );
}

function AddSource({ settings, save, announce, onAdded }: SectionProps & { onAdded: () => void }) {
  const [url, setUrl] = useState('');
  const [key, setKey] = useState('');
  const [problem, setProblem] = useState<{ field: 'url' | 'publicKey'; error: string } | null>(
    null,
  );
  const [busy, setBusy] = useState(false);

  const submit = async (event: Event) => {
    event.preventDefault();
    const draft = readSourceDraft(url, key, settings.sources);
    if (!draft.ok) {
      setProblem({ field: draft.field, error: draft.error });
      announce('error', `Not added: ${draft.error}`);
      return;
    }
    setProblem(null);
    setBusy(true);
    try {
      // Asked first, inside the click: a permission request after another await loses the gesture.
      const granted = await requestSourcePermission(draft.source.url).catch(() => false);
      if (!granted) {
        const refusal = `Not added: Triangulate was not allowed to read from ${originOf(draft.source.url)}, and it needs that to download the dataset. Add it again and choose Allow.`;
        setProblem({ field: 'url', error: refusal });
        announce('error', refusal);
        return;
      }
      const saved = await save(
        (current) =>
          current.sources.some((s) => s.url === draft.source.url)
            ? current
            : { ...current, sources: [...current.sources, draft.source] },
        `Added the source ${hostOf(draft.source.url)}; syncing it now.`,
      );
      if (saved) {
        setUrl('');
        setKey('');
        onAdded();
      }
    } finally {
      setBusy(false);
    }
  };

  const urlError = problem?.field === 'url' ? problem.error : null;
  const keyError = problem?.field === 'publicKey' ? problem.error : null;
  return (
    <form onSubmit={(event) => void submit(event)} noValidate>
      <fieldset>
        <legend>Add a source</legend>
        <div class="tg-field tg-field-wide">
          <label for="source-url">Manifest address</label>
          <input
            id="source-url"
            type="url"
            inputMode="url"
            autoComplete="off"
            spellcheck={false}
            placeholder="https://data.example.org/triangulate/manifest.json"
            value={url}
            aria-invalid={urlError !== null}
            aria-describedby={urlError ? 'source-url-error' : undefined}
            onInput={(event) => setUrl(event.currentTarget.value)}
          />
        </div>
        {urlError && (
          <p id="source-url-error" class="tg-error tg-small" data-testid="source-url-error">
            {urlError}
          </p>
        )}
        <div class="tg-field tg-field-wide">
          <label for="source-key">Public key (optional)</label>
          <input
            id="source-key"
            type="text"
            autoComplete="off"
            spellcheck={false}
            placeholder="base64 Ed25519 key, 44 characters"
            value={key}
            aria-invalid={keyError !== null}
            aria-describedby={keyError ? 'source-key-hint source-key-error' : 'source-key-hint'}
            onInput={(event) => setKey(event.currentTarget.value)}
          />
        </div>
        <p id="source-key-hint" class="tg-muted tg-small">
          With a key, only datasets signed by its owner are installed. The browser asks you to let
          Triangulate read from the source's site.
        </p>
        {keyError && (
          <p id="source-key-error" class="tg-error tg-small" data-testid="source-key-error">
            {keyError}
          </p>
        )}
        <button type="submit" class="tg-primary" disabled={busy}>
          Add source
        </button>
      </fieldset>
    </form>
  );
}
