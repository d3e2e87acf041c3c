/**
 * Keyboard shortcuts: each command the manifest declares with the key the
 * browser currently gives it (browser.commands.getAll, which reflects the
 * user's changes), and the way to change them - Chromium's shortcuts page
 * (opened with tabs.create: a page cannot link to chrome:// itself), or in
 * Firefox the add-ons manager's menu.
 */
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { SectionProps } from './types';

interface Shortcut {
  name: string;
  description: string;
  keys: string;
}

const ACTION_COMMANDS = new Set(['_execute_action', '_execute_browser_action']);

export function ShortcutsSection({ announce }: Pick<SectionProps, 'announce'>) {
  const [shortcuts, setShortcuts] = useState<Shortcut[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    browser.commands.getAll().then(
      (commands) =>
        setShortcuts(
          commands.map((command) => ({
            name: command.name ?? '',
            description: ACTION_COMMANDS.has(command.name ?? '')
              ? 'Open the Triangulate popup'
              : (command.description ?? command.name ?? ''),
            keys: command.shortcut ?? '',
          })),
        ),
      (caught: unknown) => setError(caught instanceof Error ? caught.message : String(caught)),
    );
  }, []);

  const openShortcutsPage = () => {
    browser.tabs
      .create({ url: 'chrome://extensions/shortcuts' })
      .catch((caught: unknown) =>
        announce(
          'error',
          `Could not open the shortcuts page (${caught instanceof Error ? caught.message : String(caught)}): type chrome://extensions/shortcuts in the address bar.`,
        ),
      );
  };

  return (
    <section aria-labelledby="shortcuts-heading">
      <h2 id="shortcuts-heading">Keyboard shortcuts</h2>
      {error && <p class="tg-error">Could not read the shortcuts: {error}</p>}
      {shortcuts && (
        <table data-testid="shortcuts">
          <thead>
            <tr>
              <th scope="col">Action</th>
              <th scope="col">Keys</th>
            </tr>
          </thead>
          <tbody>
            {shortcuts.map((shortcut) => (
              <tr key={shortcut.name}>
                <td>{shortcut.description}</td>
                <td>
                  {shortcut.keys ? (
                    <kbd>{shortcut.keys}</kbd>
                  ) : (
                    <span class="tg-muted">Not set</span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <p class="tg-muted tg-small">
        On a page, Enter opens the focused annotation and Esc closes its popover.
      </p>
      {import.meta.env.FIREFOX ? (
        <p>
          To change them: about:addons, the gear menu, then <em>Manage Extension Shortcuts</em>.
        </p>
      ) : (
        <button type="button" onClick={openShortcutsPage} data-testid="open-shortcuts">
          Change shortcuts…
        </button>
      )}
    </section>
  );
}
