/**
 * "Save this page as a source": the figures Triangulate read on the page,
 * reviewed by the user in an editable list (counts, side, outcome,
 * attribution; drop a row), with the page's title, outlet, address and date,
 * tied to the incident the user picks. Saved in the user's own tables
 * ('user.saveReport'); popovers then show it as the user's source.
 */
import { useState } from 'preact/hooks';
import type { IncidentSuggestion } from '../../core/incidentSearch';
import { OUTCOMES, SIDES, type Outcome, type Side } from '../../core/schema';
import type { UserFigureDraft } from '../../core/userSources';
import { sendMessage, type PageSummaryReply } from '../../messaging/protocol';
import { StatusLine } from '../common/StatusLine';
import { IncidentSearchBox } from './IncidentSearchBox';
import { hostOfUrl, type Tab } from './targetTab';
import { OUTCOME_LABELS, SIDE_LABELS } from './words';

interface Row extends UserFigureDraft {
  key: number;
}

export function SavePage({ tab, summary }: { tab: Tab | null; summary: PageSummaryReply | null }) {
  const facts = summary?.page ?? null;
  const url = tab?.url ?? facts?.url ?? null;
  const host = hostOfUrl(url);
  const linked = summary?.incidents ?? [];
  const [incidentId, setIncidentId] = useState<string>(linked[0]?.incidentId ?? '');
  const [other, setOther] = useState<IncidentSuggestion | null>(null);
  const [title, setTitle] = useState(facts?.title ?? tab?.title ?? '');
  const [outletName, setOutletName] = useState(facts?.outletName ?? host ?? '');
  const [publishedAt, setPublishedAt] = useState(
    facts?.publishedAt ?? new Date().toISOString().slice(0, 10),
  );
  const [rows, setRows] = useState<Row[]>(() =>
    (summary?.figures ?? []).map((figure, key) => ({
      key,
      low: figure.low,
      high: figure.high,
      qualifier: figure.qualifier,
      side: figure.side,
      sideLabel: '',
      outcome: figure.outcome,
      attributedTo: figure.attributedTo ?? '',
      quote: figure.text,
    })),
  );
  const [status, setStatus] = useState<{ tone: 'good' | 'error' | 'muted'; text: string } | null>(
    null,
  );

  if (host === null || url === null) {
    return (
      <section aria-labelledby="save-heading">
        <h2 id="save-heading">Save this page</h2>
        <StatusLine>Only web pages can be saved as sources.</StatusLine>
      </section>
    );
  }
  const chosenIncident = incidentId === 'other' ? (other?.id ?? '') : incidentId;
  const update = (key: number, change: Partial<UserFigureDraft>) =>
    setRows((all) => all.map((row) => (row.key === key ? { ...row, ...change } : row)));

  const save = async (event: Event) => {
    event.preventDefault();
    if (chosenIncident === '') {
      setStatus({ tone: 'error', text: 'Pick the incident this page reports.' });
      return;
    }
    setStatus({ tone: 'muted', text: 'Saving…' });
    try {
      await sendMessage('user.saveReport', {
        draft: {
          incidentId: chosenIncident,
          url,
          title,
          outletId: facts?.outletId ?? null,
          outletName,
          publishedAt,
          language: facts?.language?.slice(0, 2) ?? 'en',
          figures: rows.map(({ key: _key, ...figure }) => figure),
        },
      });
      setStatus({
        tone: 'good',
        text: `Saved with ${rows.length} figure${rows.length === 1 ? '' : 's'}. Reload the page to see it in popovers.`,
      });
    } catch (error) {
      setStatus({
        tone: 'error',
        text: `Not saved: ${error instanceof Error ? error.message : String(error)}`,
      });
    }
  };

  return (
    <section aria-labelledby="save-heading">
      <h2 id="save-heading">Save this page as a source</h2>
      <form onSubmit={(e) => void save(e)}>
        <fieldset>
          <legend>The page</legend>
          <label class="tg-field">
            Title{' '}
            <input
              value={title}
              onInput={(e) => setTitle(e.currentTarget.value)}
              required
              maxLength={300}
            />
          </label>
          <label class="tg-field">
            Outlet{' '}
            <input
              value={outletName}
              onInput={(e) => setOutletName(e.currentTarget.value)}
              required
              maxLength={300}
            />
          </label>
          <label class="tg-field">
            Published{' '}
            <input
              type="date"
              value={publishedAt}
              onInput={(e) => setPublishedAt(e.currentTarget.value)}
              required
            />
          </label>
          <p class="tg-muted" style={{ overflowWrap: 'anywhere' }}>
            {url}
          </p>
        </fieldset>
        <fieldset>
          <legend>Incident it reports</legend>
          {linked.map((incident) => (
            <label class="tg-row" key={incident.incidentId}>
              <input
                type="radio"
                name="save-incident"
                checked={incidentId === incident.incidentId}
                onChange={() => setIncidentId(incident.incidentId)}
              />
              {incident.title}
            </label>
          ))}
          <label class="tg-row">
            <input
              type="radio"
              name="save-incident"
              checked={incidentId === 'other' || linked.length === 0}
              onChange={() => setIncidentId('other')}
            />
            Another incident
          </label>
          {(incidentId === 'other' || linked.length === 0) && (
            <IncidentSearchBox
              id="save-incident-search"
              label="Find the incident"
              selected={other}
              onSelect={(incident) => {
                setOther(incident);
                setIncidentId('other');
              }}
            />
          )}
        </fieldset>
        <fieldset>
          <legend>Figures ({rows.length})</legend>
          {rows.length === 0 && (
            <p class="tg-muted">No figure read on this page. Add one if the page states a count.</p>
          )}
          <ol class="tg-list tg-figure-rows">
            {rows.map((row, i) => (
              <li key={row.key} data-testid="save-row">
                <p class="tg-muted" style={{ margin: '0 0 4px' }}>
                  “{row.quote}”
                </p>
                <div class="tg-row">
                  <label>
                    From{' '}
                    <input
                      type="number"
                      min={0}
                      value={row.low}
                      style={{ width: '5em' }}
                      onInput={(e) => update(row.key, { low: Number(e.currentTarget.value) })}
                    />
                  </label>
                  <label>
                    to{' '}
                    <input
                      type="number"
                      min={0}
                      value={row.high}
                      style={{ width: '5em' }}
                      onInput={(e) => update(row.key, { high: Number(e.currentTarget.value) })}
                    />
                  </label>
                  <label>
                    <span class="tg-visually-hidden">Side of figure {i + 1}</span>
                    <select
                      value={row.side}
                      onChange={(e) => update(row.key, { side: e.currentTarget.value as Side })}
                    >
                      {SIDES.map((s) => (
                        <option key={s} value={s}>
                          {SIDE_LABELS[s]}
                        </option>
                      ))}
                    </select>
                  </label>
                  <label>
                    <span class="tg-visually-hidden">Outcome of figure {i + 1}</span>
                    <select
                      value={row.outcome}
                      onChange={(e) =>
                        update(row.key, { outcome: e.currentTarget.value as Outcome })
                      }
                    >
                      {OUTCOMES.map((o) => (
                        <option key={o} value={o}>
                          {OUTCOME_LABELS[o]}
                        </option>
                      ))}
                    </select>
                  </label>
                </div>
                <div class="tg-row" style={{ marginTop: '4px' }}>
                  <label style={{ flex: 1 }}>
                    Per{' '}
                    <input
                      value={row.attributedTo}
                      placeholder="the page"
                      maxLength={300}
                      onInput={(e) => update(row.key, { attributedTo: e.currentTarget.value })}
                    />
                  </label>
                  <button
                    type="button"
                    onClick={() => setRows((all) => all.filter((r) => r.key !== row.key))}
                    aria-label={`Drop figure ${i + 1}`}
                  >
                    Drop
                  </button>
                </div>
              </li>
            ))}
          </ol>
          <button
            type="button"
            onClick={() =>
              setRows((all) => [
                ...all,
                {
                  key: Math.max(-1, ...all.map((r) => r.key)) + 1,
                  low: 0,
                  high: 0,
                  qualifier: 'exact',
                  side: 'unknown',
                  sideLabel: '',
                  outcome: 'killed',
                  attributedTo: '',
                  quote: '',
                },
              ])
            }
          >
            Add a figure
          </button>
        </fieldset>
        <button type="submit" class="tg-primary" data-testid="save-submit">
          Save as my source
        </button>
        {status && (
          <StatusLine tone={status.tone} testId="save-status">
            {status.text}
          </StatusLine>
        )}
      </form>
    </section>
  );
}
