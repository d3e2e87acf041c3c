/**
 * Where Triangulate runs: the global switch, every site or only a list
 * (settings.siteMode + allowedSites), and the sites turned off
 * (disabledSites, which the popup's switch and Alt+Shift+Y also fill). Typed
 * sites are normalised with siteFromInput ("https://www.bbc.co.uk/news" is
 * bbc.co.uk, which covers its subdomains).
 */
import { useState } from 'preact/hooks';
import type { Settings } from '../../core/settings';
import { addSite, removeSite } from './settingsEdits';
import type { SectionProps } from './types';

export function SitesSection({ settings, save, announce }: SectionProps) {
  return (
    <section aria-labelledby="sites-heading">
      <h2 id="sites-heading">Where Triangulate runs</h2>
      <label class="tg-check">
        <input
          type="checkbox"
          checked={settings.enabled}
          data-testid="global-switch"
          onChange={(event) => {
            const enabled = event.currentTarget.checked;
            void save(
              (current) => ({ ...current, enabled }),
              enabled ? 'Triangulate is on.' : 'Triangulate is off on every site.',
            );
          }}
        />
        Triangulate is on
      </label>
      <fieldset disabled={!settings.enabled}>
        <legend>Sites</legend>
        <label class="tg-check">
          <input
            type="radio"
            name="site-mode"
            value="all"
            checked={settings.siteMode === 'all'}
            onChange={() =>
              void save(
                (current) => ({ ...current, siteMode: 'all' }),
                'Triangulate runs on every site except those turned off.',
              )
            }
          />
          On every site, except those turned off below
        </label>
        <label class="tg-check">
          <input
            type="radio"
            name="site-mode"
            value="list"
            checked={settings.siteMode === 'list'}
            onChange={() =>
              void save(
                (current) => ({ ...current, siteMode: 'list' }),
                'Triangulate runs only on the sites listed.',
              )
            }
          />
          Only on the sites I list
        </label>
        {settings.siteMode === 'list' && (
          <SiteList
            id="allowed"
            title="Sites Triangulate runs on"
            empty="No site listed yet: Triangulate runs nowhere until you add one."
            sites={settings.allowedSites}
            field="allowedSites"
            save={save}
            announce={announce}
          />
        )}
      </fieldset>
      <SiteList
        id="disabled"
        title="Turned off on these sites"
        empty="None yet. The popup's switch and the site shortcut add the site you are on."
        sites={settings.disabledSites}
        field="disabledSites"
        save={save}
        announce={announce}
      />
    </section>
  );
}

function SiteList({
  id,
  title,
  empty,
  sites,
  field,
  save,
  announce,
}: {
  id: string;
  title: string;
  empty: string;
  sites: readonly string[];
  field: 'allowedSites' | 'disabledSites';
  save: SectionProps['save'];
  announce: SectionProps['announce'];
}) {
  const [input, setInput] = useState('');
  const [error, setError] = useState<string | null>(null);
  const listWords =
    field === 'allowedSites' ? 'the sites Triangulate runs on' : 'the sites turned off';

  const add = async (event: Event) => {
    event.preventDefault();
    const edit = addSite(sites, input);
    if (!edit.ok) {
      setError(edit.error);
      announce('error', edit.error);
      return;
    }
    setError(null);
    const saved = await save((current: Settings) => {
      const again = addSite(current[field], edit.site);
      return again.ok ? { ...current, [field]: again.sites } : current;
    }, `Added ${edit.site} to ${listWords}.`);
    if (saved) setInput('');
  };

  return (
    <fieldset>
      <legend>{title}</legend>
      {sites.length === 0 ? (
        <p class="tg-muted">{empty}</p>
      ) : (
        <ul class="tg-list" data-testid={`${id}-sites`}>
          {sites.map((site) => (
            <li key={site} class="tg-row" style={{ justifyContent: 'space-between' }}>
              <span>{site}</span>
              <button
                type="button"
                onClick={() =>
                  void save(
                    (current) => ({ ...current, [field]: removeSite(current[field], site) }),
                    `Removed ${site} from ${listWords}.`,
                  )
                }
              >
                Remove<span class="tg-visually-hidden"> {site}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      <form class="tg-row" onSubmit={(event) => void add(event)} noValidate>
        <label for={`${id}-site-input`}>Add a site</label>
        <input
          id={`${id}-site-input`}
          type="text"
          autoComplete="off"
          spellcheck={false}
          placeholder="example.org"
          value={input}
          aria-invalid={error !== null}
          aria-describedby={error ? `${id}-site-error` : undefined}
          onInput={(event) => setInput(event.currentTarget.value)}
        />
        <button type="submit">
          Add<span class="tg-visually-hidden"> to {listWords}</span>
        </button>
      </form>
      {error && (
        <p id={`${id}-site-error`} class="tg-error tg-small">
          {error}
        </p>
      )}
    </fieldset>
  );
}
