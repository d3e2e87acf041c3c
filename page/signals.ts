/**
 * Reads what a page says about itself in its markup - address, title,
 * language, meta tags, JSON-LD, <time> elements - as plain data for the core
 * (core/pageFacts.ts decides what it means). Everything is capped: a hostile
 * or huge page cannot make the content script hold megabytes of metadata.
 */
import type { PageSignals } from '../core/types';

export const SIGNAL_LIMITS = {
  metas: 300,
  metaKeyLength: 100,
  metaValueLength: 2_000,
  jsonLdBlocks: 20,
  jsonLdBytes: 200_000,
  times: 50,
  timeLength: 100,
  titleLength: 1_000,
  urlLength: 4_096,
} as const;

const META_KEY_ATTRIBUTES = ['property', 'name', 'itemprop', 'http-equiv'] as const;

/** Fills PageSignals from a Document (a browser's or linkedom's). */
export function collectPageSignals(doc: Document): PageSignals {
  return {
    url: pageUrl(doc),
    title: clip(doc.title?.trim() || null, SIGNAL_LIMITS.titleLength),
    lang: clip(doc.documentElement?.getAttribute('lang')?.trim() || null, 40),
    metas: collectMetas(doc),
    jsonLd: collectJsonLd(doc),
    times: collectTimes(doc),
  };
}

function pageUrl(doc: Document): string | null {
  // linkedom has no document.location; its window (defaultView) may carry one.
  const url = doc.location?.href ?? doc.defaultView?.location?.href ?? doc.URL;
  if (typeof url !== 'string' || !/^https?:\/\//i.test(url)) return null;
  return clip(url, SIGNAL_LIMITS.urlLength);
}

/** meta tags by lower-cased property/name/itemprop/http-equiv; the first of each key wins. */
function collectMetas(doc: Document): Record<string, string> {
  const metas: Record<string, string> = {};
  let count = 0;
  for (const meta of doc.querySelectorAll('meta')) {
    const content = meta.getAttribute('content')?.trim();
    if (!content) continue;
    for (const attribute of META_KEY_ATTRIBUTES) {
      const key = meta.getAttribute(attribute)?.trim().toLowerCase();
      if (!key || key.length > SIGNAL_LIMITS.metaKeyLength || Object.hasOwn(metas, key)) continue;
      metas[key] = content.slice(0, SIGNAL_LIMITS.metaValueLength);
      count += 1;
    }
    if (count >= SIGNAL_LIMITS.metas) break;
  }
  return metas;
}

/** Raw JSON-LD texts; an oversized block is left out rather than cut into invalid JSON. */
function collectJsonLd(doc: Document): string[] {
  const blocks: string[] = [];
  for (const script of doc.querySelectorAll('script')) {
    const type = script.getAttribute('type')?.split(';')[0]?.trim().toLowerCase();
    if (type !== 'application/ld+json') continue;
    const text = script.textContent ?? '';
    if (text.length === 0 || text.length > SIGNAL_LIMITS.jsonLdBytes) continue;
    blocks.push(text);
    if (blocks.length >= SIGNAL_LIMITS.jsonLdBlocks) break;
  }
  return blocks;
}

function collectTimes(doc: Document): string[] {
  const times: string[] = [];
  for (const time of doc.querySelectorAll('time[datetime]')) {
    const value = time.getAttribute('datetime')?.trim();
    if (!value || value.length > SIGNAL_LIMITS.timeLength) continue;
    times.push(value);
    if (times.length >= SIGNAL_LIMITS.times) break;
  }
  return times;
}

function clip(value: string | null, max: number): string | null {
  return value === null ? null : value.slice(0, max);
}
