/**
 * The popup: what was found on this page, checking a figure, saving the page
 * as a source, and the dataset's state. Thin: it finds the tab, picks up a
 * claim handed over by the context menu (?claim= or 'claim.pending'), and
 * lays out the panels from components/popup/.
 */
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { CheckFigure } from '../../components/popup/CheckFigure';
import { DatasetPanel } from '../../components/popup/DatasetPanel';
import { SavePage } from '../../components/popup/SavePage';
import { findTargetTab, type Tab } from '../../components/popup/targetTab';
import { ThisPage } from '../../components/popup/ThisPage';
import { sendMessage, type PageSummaryReply } from '../../messaging/protocol';

const PANELS = [
  { id: 'page', label: 'This page' },
  { id: 'check', label: 'Check a figure' },
  { id: 'save', label: 'Save page' },
] as const;
type PanelId = (typeof PANELS)[number]['id'];

export function App() {
  const [tab, setTab] = useState<Tab | null | undefined>(undefined);
  const [panel, setPanel] = useState<PanelId>('page');
  const [claim, setClaim] = useState<string | null>(null);
  const [summary, setSummary] = useState<PageSummaryReply | null>(null);

  useEffect(() => {
    void findTargetTab(location.search).then(setTab, () => setTab(null));
    const fromUrl = new URLSearchParams(location.search).get('claim');
    if (fromUrl) {
      setClaim(fromUrl.slice(0, 500));
      setPanel('check');
      return;
    }
    sendMessage('claim.pending', {}).then(
      ({ text }) => {
        if (text) {
          setClaim(text);
          setPanel('check');
        }
      },
      () => undefined,
    );
  }, []);

  const onTabKey = (event: KeyboardEvent, index: number) => {
    const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
    if (step === 0) return;
    event.preventDefault();
    const next = PANELS[(index + step + PANELS.length) % PANELS.length];
    if (!next) return;
    setPanel(next.id);
    document.getElementById(`tab-${next.id}`)?.focus();
  };

  return (
    <main class="tg-popup">
      <header class="tg-row" style={{ justifyContent: 'space-between' }}>
        <h1 style={{ fontSize: '16px', margin: 0 }}>Triangulate</h1>
        <button
          type="button"
          class="tg-link"
          onClick={() => void browser.runtime.openOptionsPage()}
        >
          Options
        </button>
      </header>
      <div role="tablist" aria-label="Triangulate" class="tg-tabs">
        {PANELS.map((p, i) => (
          <button
            key={p.id}
            id={`tab-${p.id}`}
            type="button"
            role="tab"
            aria-selected={panel === p.id}
            aria-controls={`panel-${p.id}`}
            tabIndex={panel === p.id ? 0 : -1}
            onClick={() => setPanel(p.id)}
            onKeyDown={(e) => onTabKey(e, i)}
          >
            {p.label}
          </button>
        ))}
      </div>
      {PANELS.map((p) => (
        <div
          key={p.id}
          id={`panel-${p.id}`}
          role="tabpanel"
          aria-labelledby={`tab-${p.id}`}
          hidden={panel !== p.id}
        >
          {tab !== undefined && p.id === 'page' && <ThisPage tab={tab} onSummary={setSummary} />}
          {p.id === 'check' && <CheckFigure initialClaim={claim} />}
          {tab !== undefined && p.id === 'save' && panel === 'save' && (
            <SavePage tab={tab} summary={summary} />
          )}
        </div>
      ))}
      <DatasetPanel />
    </main>
  );
}
