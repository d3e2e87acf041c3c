/**
 * Turning Triangulate on or off for one site, as the popup's switch does it,
 * so that isEnabledFor (core/settings.ts) then answers what the user chose:
 * off adds the site to the turned-off list; on removes it from there and,
 * when Triangulate runs only on listed sites, adds it to that list.
 */
import { isEnabledFor, type Settings } from '../../core/settings';

export function setSiteEnabled(settings: Settings, host: string, on: boolean): Settings {
  const site = host.toLowerCase().replace(/^www\./, '');
  const covers = (listed: string) => site === listed || site.endsWith(`.${listed}`);
  if (!on) {
    return {
      ...settings,
      disabledSites: settings.disabledSites.includes(site)
        ? settings.disabledSites
        : [...settings.disabledSites, site],
      allowedSites: settings.allowedSites.filter((listed) => listed !== site),
    };
  }
  const next: Settings = {
    ...settings,
    disabledSites: settings.disabledSites.filter((listed) => !covers(listed)),
  };
  if (next.siteMode === 'list' && !isEnabledFor({ ...next, enabled: true }, site)) {
    next.allowedSites = [...next.allowedSites, site];
  }
  return next;
}
