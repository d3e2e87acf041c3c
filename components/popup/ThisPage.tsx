/**
 * "This page": what Triangulate found on the tab (incidents, names, figures
 * with their verdicts), each a button that scrolls the page to it and opens
 * its popover; a plain sentence when nothing was found or the page cannot be
 * read; and the switches for this site and for every site.
 */
import { useEffect, useState } from 'preact/hooks';
import { formatSpan } from '../../core/format';
import { isEnabledFor, type Settings } from '../../core/settings';
import { sendToTab, type PageSummaryReply, type RevealRequest } from '../../messaging/protocol';
import { loadSettings, updateSettings } from '../common/settingsStore';
import { setSiteEnabled } from '../common/siteSwitch';
import { StatusLine } from '../common/StatusLine';
import { hostOfTab, hostOfUrl, type Tab } from './targetTab';
import { VERDICT_TONE, VERDICT_WORDS } from './words';

type Load =
  | { kind: 'loading' }
  | { kind: 'unreadable'; reason: string }
  | { kind: 'loaded'; summary: PageSummaryReply };

export function ThisPage({
  tab,
  onSummary,
}: {
  tab: Tab | null;
  onSummary: (s: PageSummaryReply | null) => void;
}) {
  const [load, setLoad] = useState<Load>({ kind: 'loading' });
  const [settings, setSettings] = useState<Settings | null>(null);
  const [revealNote, setRevealNote] = useState('');
  // Without the tabs permission a popup running in a tab of its own cannot see the
  // tab's address; the content script's summary then gives it.
  const summaryUrl = load.kind === 'loaded' ? (load.summary.page?.url ?? null) : null;
  const host = hostOfTab(tab) ?? hostOfUrl(summaryUrl);
  const browserPage = tab?.url !== undefined && hostOfTab(tab) === null;

  useEffect(() => {
    void loadSettings().then(setSettings);
    if (tab?.id === undefined || browserPage) {
      setLoad({
        kind: 'unreadable',
        reason: 'Triangulate reads web pages only; this tab is a browser page.',
      });
      onSummary(null);
      return;
    }
    sendToTab(tab.id, 'page.summary', {}).then(
      (summary) => {
        setLoad({ kind: 'loaded', summary });
        onSummary(summary);
      },
      () => {
        setLoad({
          kind: 'unreadable',
          reason:
            'Triangulate cannot read this page (browser pages and extension stores are off limits), or it has not loaded yet: reload the page and try again.',
        });
        onSummary(null);
      },
    );
  }, [tab?.id]);

  const reveal = (request: RevealRequest, label: string) => {
    if (tab?.id === undefined) return;
    sendToTab(tab.id, 'page.reveal', request).then(
      ({ ok }) =>
        setRevealNote(
          ok ? `Showing “${label}” on the page.` : `“${label}” is not highlighted on the page.`,
        ),
      () => setRevealNote('The page did not answer.'),
    );
  };

  const setSite = async (on: boolean) => {
    if (host === null) return;
    setSettings(await updateSettings((s) => setSiteEnabled(s, host, on)));
  };
  const setGlobal = async (on: boolean) => {
    setSettings(await updateSettings((s) => ({ ...s, enabled: on })));
  };

  return (
    <section aria-labelledby="this-page-heading">
      <h2 id="this-page-heading">This page</h2>
      {load.kind === 'loading' && <StatusLine>Reading the page…</StatusLine>}
      {load.kind === 'unreadable' && (
        <StatusLine testId="page-unreadable">{load.reason}</StatusLine>
      )}
      {load.kind === 'loaded' && <Found summary={load.summary} reveal={reveal} />}
      {revealNote && <StatusLine>{revealNote}</StatusLine>}
      {settings && (
        <fieldset>
          <legend>Where Triangulate runs</legend>
          {host !== null && (
            <label class="tg-row">
              <input
                type="checkbox"
                data-testid="site-switch"
                checked={isEnabledFor({ ...settings, enabled: true }, host)}
                onChange={(e) => void setSite(e.currentTarget.checked)}
              />
              On {host}
            </label>
          )}
          <label class="tg-row">
            <input
              type="checkbox"
              data-testid="global-switch"
              checked={settings.enabled}
              onChange={(e) => void setGlobal(e.currentTarget.checked)}
            />
            On every site (the global switch)
          </label>
          {host !== null && !isEnabledFor(settings, host) && (
            <p class="tg-warn" data-testid="site-off">
              Triangulate is off for {host}. Reload the page after turning it on.
            </p>
          )}
        </fieldset>
      )}
    </section>
  );
}

function Found({
  summary,
  reveal,
}: {
  summary: PageSummaryReply;
  reveal: (request: RevealRequest, label: string) => void;
}) {
  if (summary.state === 'off') {
    return (
      <StatusLine testId="page-off">
        Triangulate is off for this site, so it did not read the page.
      </StatusLine>
    );
  }
  if (summary.state === 'error') {
    return (
      <StatusLine tone="error">
        Triangulate could not read this page: {summary.error ?? 'unknown error'}
      </StatusLine>
    );
  }
  if (summary.state === 'running') return <StatusLine>Still reading the page…</StatusLine>;
  const nothing =
    summary.incidents.length === 0 && summary.figures.length === 0 && summary.actors.length === 0;
  if (nothing) {
    return (
      <StatusLine testId="page-nothing">
        Nothing Triangulate knows was found on this page: no incident of the dataset, no known name,
        no compared figure.
      </StatusLine>
    );
  }
  const figures = summary.figures.filter((figure) => figure.verdict !== null);
  return (
    <div data-testid="page-found">
      <StatusLine>
        {count(summary.incidents.length, 'incident')}, {count(summary.actors.length, 'name')},{' '}
        {count(figures.length, 'compared figure')} found.
      </StatusLine>
      {summary.incidents.length > 0 && (
        <>
          <h3>Incidents</h3>
          <ul class="tg-list" data-testid="page-incidents">
            {summary.incidents.map((incident) => (
              <li key={incident.incidentId}>
                <button
                  type="button"
                  class="tg-link"
                  onClick={() =>
                    reveal({ kind: 'incident', id: incident.incidentId }, incident.title)
                  }
                >
                  {incident.title}
                </button>
                <div class="tg-muted">
                  {formatSpan(incident.startDate, incident.endDate, incident.datePrecision)}
                  {incident.reasons.length > 0 && (
                    <> · linked by {incident.reasons.slice(0, 4).join(', ')}</>
                  )}
                </div>
              </li>
            ))}
          </ul>
        </>
      )}
      {figures.length > 0 && (
        <>
          <h3>Figures</h3>
          <ul class="tg-list" data-testid="page-figures">
            {figures.map((figure) => (
              <li key={figure.index}>
                <button
                  type="button"
                  class="tg-link"
                  onClick={() => reveal({ kind: 'figure', index: figure.index }, figure.text)}
                >
                  “{figure.text}”
                </button>{' '}
                {figure.verdict && (
                  <span class={`tg-${VERDICT_TONE[figure.verdict]}`} data-verdict={figure.verdict}>
                    {VERDICT_WORDS[figure.verdict]}
                  </span>
                )}
              </li>
            ))}
          </ul>
        </>
      )}
      {summary.actors.length > 0 && (
        <>
          <h3>Names</h3>
          <p>
            {summary.actors.map((actor, i) => (
              <span key={actor.id}>
                {i > 0 && ', '}
                <button
                  type="button"
                  class="tg-link"
                  onClick={() => reveal({ kind: 'actor', id: actor.id }, actor.name)}
                >
                  {actor.name}
                </button>
              </span>
            ))}
          </p>
        </>
      )}
    </div>
  );
}

const count = (n: number, noun: string) => `${n} ${noun}${n === 1 ? '' : 's'}`;
