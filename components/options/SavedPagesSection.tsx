/**
 * The user's own sources (pages saved from the popup): listed with Delete,
 * exported as a JSON file download, imported from a file. The background
 * checks an import whole ('user.import' refuses a file with any bad record and
 * writes nothing); this page only reads the file and reports in plain words.
 */
import { useEffect, useState } from 'preact/hooks';
import { USER_SOURCE_LIMITS } from '../../core/userSources';
import { sendMessage, type UserSourceSummary } from '../../messaging/protocol';
import type { SectionProps } from './types';

export function SavedPagesSection({ announce }: Pick<SectionProps, 'announce'>) {
  const [pages, setPages] = useState<UserSourceSummary[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  const refresh = async () => {
    try {
      setPages(await sendMessage('user.sources', {}));
      setError(null);
    } catch (caught) {
      setError(message(caught));
    }
  };
  useEffect(() => void refresh(), []);

  const remove = async (page: UserSourceSummary) => {
    try {
      const { deleted } = await sendMessage('user.delete', { id: page.id });
      announce(
        deleted ? 'good' : 'warn',
        deleted ? `Deleted “${page.title}”.` : `“${page.title}” was already gone.`,
      );
    } catch (caught) {
      announce('error', `Could not delete “${page.title}”: ${message(caught)}`);
    }
    await refresh();
  };

  const exportFile = async () => {
    try {
      const data = await sendMessage('user.export', {});
      const blob = new Blob([JSON.stringify(data, null, 2)], { type: 'application/json' });
      const link = document.createElement('a');
      link.href = URL.createObjectURL(blob);
      link.download = `triangulate-saved-pages-${data.exportedAt.slice(0, 10)}.json`;
      link.click();
      setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
      announce(
        'good',
        `Exported ${count(data.reports.length, 'saved page')} with ${count(data.figures.length, 'figure')}.`,
      );
    } catch (caught) {
      announce('error', `Could not export: ${message(caught)}`);
    }
  };

  const importFile = async (input: HTMLInputElement) => {
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    if (file.size > USER_SOURCE_LIMITS.bytes) {
      announce(
        'error',
        `Not imported: ${file.name} is larger than ${USER_SOURCE_LIMITS.bytes / 1_000_000} MB.`,
      );
      return;
    }
    try {
      const { reports, figures } = await sendMessage('user.import', { text: await file.text() });
      announce(
        'good',
        `Imported ${count(reports, 'saved page')} with ${count(figures, 'figure')} from ${file.name}.`,
      );
    } catch (caught) {
      announce('error', `Nothing imported from ${file.name}: ${message(caught)}`);
    }
    await refresh();
  };

  return (
    <section aria-labelledby="saved-heading">
      <h2 id="saved-heading">Your saved pages</h2>
      <p class="tg-muted">
        Pages you saved from the popup as your own sources. They join every comparison marked as
        yours and stay in this browser; sync never changes them.
      </p>
      {error && <p class="tg-error">Could not read your saved pages: {error}</p>}
      {pages !== null && pages.length === 0 && <p data-testid="no-saved-pages">None yet.</p>}
      {pages !== null && pages.length > 0 && (
        <ul class="tg-list" data-testid="saved-pages">
          {pages.map((page) => (
            <li key={page.id} data-testid="saved-page">
              <div class="tg-row" style={{ justifyContent: 'space-between' }}>
                <span>
                  <strong>{page.title}</strong> <span class="tg-muted">({page.outletName})</span>
                </span>
                <button type="button" onClick={() => void remove(page)}>
                  Delete<span class="tg-visually-hidden"> {page.title}</span>
                </button>
              </div>
              <p class="tg-muted tg-small">
                {count(page.figures, 'figure')} ·{' '}
                {page.incidentTitle ?? 'an incident no longer in the dataset'} · saved{' '}
                {new Date(page.createdAt).toLocaleDateString()}
                {page.url && /^https?:/i.test(page.url) && (
                  <>
                    {' · '}
                    <a href={page.url} target="_blank" rel="noopener noreferrer">
                      open<span class="tg-visually-hidden"> {page.title}</span>
                    </a>
                  </>
                )}
              </p>
            </li>
          ))}
        </ul>
      )}
      <div class="tg-row">
        <button type="button" onClick={() => void exportFile()} data-testid="export-saved">
          Export as a file
        </button>
        <label class="tg-file">
          Import from a file
          <input
            type="file"
            accept="application/json,.json"
            data-testid="import-saved"
            onChange={(event) => void importFile(event.currentTarget)}
          />
        </label>
      </div>
    </section>
  );
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

/** The background's error without its "user.import failed:" prefix. */
function message(caught: unknown): string {
  const text = caught instanceof Error ? caught.message : String(caught);
  return text.replace(/^user\.[a-z]+ failed: /i, '');
}
