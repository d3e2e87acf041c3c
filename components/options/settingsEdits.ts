/**
 * The options page's changes to settings, as pure functions: adding and
 * removing sites, the sync interval's choices, the hover delay, and a reset
 * that keeps the dataset sources. The page writes their result whole through
 * updateSettings (components/common/settingsStore.ts).
 */
import { defaultSettings, siteFromInput, type Settings } from '../../core/settings';

/** settings.allowedSites / disabledSites hold at most this many. */
export const MAX_SITES = 1000;

export type SiteListEdit =
  { ok: true; sites: string[]; site: string } | { ok: false; error: string };

/** Adds what the user typed ("https://www.BBC.co.uk/news" -> "bbc.co.uk") to a site list. */
export function addSite(sites: readonly string[], input: string): SiteListEdit {
  const site = siteFromInput(input);
  if (site === null) {
    return { ok: false, error: 'Enter a site such as example.org or a page address on it.' };
  }
  if (sites.includes(site)) return { ok: false, error: `${site} is already in the list.` };
  if (sites.length >= MAX_SITES) {
    return { ok: false, error: `The list holds at most ${MAX_SITES} sites.` };
  }
  return { ok: true, sites: [...sites, site], site };
}

export function removeSite(sites: readonly string[], site: string): string[] {
  return sites.filter((listed) => listed !== site);
}

const INTERVAL_CHOICES = [1, 6, 12, 24, 24 * 7] as const;

/** The sync interval choices offered, in hours, including the current one when it is unusual. */
export function syncIntervalChoices(current: number): number[] {
  const choices: number[] = [...INTERVAL_CHOICES];
  return choices.includes(current) ? choices : [...choices, current].toSorted((a, b) => a - b);
}

export function intervalWords(hours: number): string {
  if (hours === 1) return 'Every hour';
  if (hours % (24 * 7) === 0) {
    const weeks = hours / (24 * 7);
    return weeks === 1 ? 'Every week' : `Every ${weeks} weeks`;
  }
  if (hours % 24 === 0) {
    const days = hours / 24;
    return days === 1 ? 'Every day' : `Every ${days} days`;
  }
  return `Every ${hours} hours`;
}

export const HOVER_DELAY_MAX_MS = 3000;

/** The hover delay the user typed, in whole milliseconds from 0 to 3000, or an error in plain words. */
export function readHoverDelay(
  input: string,
): { ok: true; ms: number } | { ok: false; error: string } {
  const text = input.trim();
  const ms = Number(text);
  if (text === '' || !Number.isInteger(ms) || ms < 0 || ms > HOVER_DELAY_MAX_MS) {
    return {
      ok: false,
      error: `The delay must be a whole number of milliseconds from 0 to ${HOVER_DELAY_MAX_MS}.`,
    };
  }
  return { ok: true, ms };
}

/**
 * Every setting back to its default except the dataset sources: resetting
 * the look and the sites must not cut the user off from their dataset (the
 * installed dataset and saved pages live in IndexedDB and are not settings).
 */
export function resetKeepingSources(settings: Settings): Settings {
  return { ...defaultSettings(), sources: settings.sources };
}
