/**
 * The options page: settings read through migrateSettings and written whole
 * (components/common/settingsStore.ts), followed live when another page (the
 * popup, a shortcut) changes them, applied at once by every content script
 * (they listen to storage changes). One polite live region announces what was
 * saved or refused; each section lives in its own module.
 */
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { migrateSettings, SETTINGS_KEY, type Settings } from '../../core/settings';
import { loadSettings, updateSettings } from '../common/settingsStore';
import { applyTheme } from '../common/theme';
import { AppearanceSection, HighlightSection } from './LookSection';
import { ResetSection } from './ResetSection';
import { SavedPagesSection } from './SavedPagesSection';
import { ShortcutsSection } from './ShortcutsSection';
import { SitesSection } from './SitesSection';
import { SourcesSection } from './SourcesSection';
import type { SectionProps, Tone } from './types';

export function OptionsApp() {
  const [settings, setSettings] = useState<Settings | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [notice, setNotice] = useState<{ tone: Tone; text: string; serial: number } | null>(null);

  useEffect(() => {
    loadSettings().then(setSettings, (caught: unknown) =>
      setLoadError(caught instanceof Error ? caught.message : String(caught)),
    );
    const onChanged = (changes: Record<string, { newValue?: unknown }>, area: string) => {
      if (area === 'local' && SETTINGS_KEY in changes) {
        setSettings(migrateSettings(changes[SETTINGS_KEY]?.newValue));
      }
    };
    browser.storage.onChanged.addListener(onChanged);
    return () => browser.storage.onChanged.removeListener(onChanged);
  }, []);

  useEffect(() => {
    if (settings) applyTheme(document.documentElement, settings.theme);
  }, [settings?.theme]);

  const announce: SectionProps['announce'] = (tone, text) =>
    setNotice((previous) => ({ tone, text, serial: (previous?.serial ?? 0) + 1 }));

  const save: SectionProps['save'] = async (change, done) => {
    try {
      setSettings(await updateSettings(change));
      announce('good', done);
      return true;
    } catch (caught) {
      announce('error', `Not saved: ${caught instanceof Error ? caught.message : String(caught)}`);
      return false;
    }
  };

  return (
    <>
      <header class="tg-options-header">
        <h1>Triangulate options</h1>
        <p class="tg-muted">Changes are saved and applied to open pages at once.</p>
      </header>
      {/* Always in the page, so screen readers announce each change of its text. */}
      <div
        role="status"
        aria-live="polite"
        aria-atomic="true"
        class={`tg-notice${notice ? ` tg-notice-${notice.tone}` : ''}`}
        data-testid="notice"
      >
        {notice && <span key={notice.serial}>{notice.text}</span>}
      </div>
      <main class="tg-options">
        {loadError && <p class="tg-error">Could not read the settings: {loadError}</p>}
        {settings === null && loadError === null && <p class="tg-muted">Loading…</p>}
        {settings && (
          <>
            <SourcesSection settings={settings} save={save} announce={announce} />
            <SitesSection settings={settings} save={save} announce={announce} />
            <HighlightSection settings={settings} save={save} announce={announce} />
            <AppearanceSection settings={settings} save={save} announce={announce} />
            <ShortcutsSection announce={announce} />
            <SavedPagesSection announce={announce} />
            <ResetSection save={save} />
          </>
        )}
      </main>
    </>
  );
}
