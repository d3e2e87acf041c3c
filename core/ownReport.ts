/**
 * Recognising the page's own report among a bundle's reports.
 *
 * A page agreeing with itself is no confirmation, and its figures must not
 * vote for its own link, so the page's own report is left out before
 * resolution and comparison. A report is the page's own when it has the
 * page's address, when it comes from the page's outlet on the page's day (a
 * sibling article of one newsroom is no independent source either), or when
 * it carries the page's headline word for word (a reprint of a wire story on
 * a site the dataset does not know is the same report, not a second source).
 */
import { normalizeKey } from './normalize';
import type { Report } from './schema';
import type { IncidentBundle } from './types';

export interface OwnPage {
  url: string | null;
  outletId: string | null;
  publishedAt: string | null;
  title: string | null;
}

/** Headlines shorter than this ("Tajikistan") are too generic to identify an article. */
const MIN_IDENTIFYING_TITLE = 24;

export function isOwnReport(report: Report, page: OwnPage): boolean {
  const pageUrl = page.url === null ? null : comparableUrl(page.url);
  if (pageUrl !== null && report.url !== null && comparableUrl(report.url) === pageUrl) return true;
  if (sameHeadline(report.title, page.title)) return true;
  return (
    page.outletId !== null &&
    page.outletId === report.outletId &&
    page.publishedAt !== null &&
    page.publishedAt === report.publishedAt
  );
}

function sameHeadline(reportTitle: string, pageTitle: string | null): boolean {
  if (pageTitle === null) return false;
  const key = normalizeKey(pageTitle).trim();
  return key.length >= MIN_IDENTIFYING_TITLE && key === normalizeKey(reportTitle).trim();
}

/** The bundle without the page's own reports and their figures. */
export function withoutOwnReports(bundle: IncidentBundle, page: OwnPage): IncidentBundle {
  const own = new Set(bundle.reports.filter((r) => isOwnReport(r, page)).map((r) => r.id));
  if (own.size === 0) return bundle;
  return {
    ...bundle,
    reports: bundle.reports.filter((report) => !own.has(report.id)),
    figures: bundle.figures.filter((figure) => !own.has(figure.reportId)),
  };
}

/** "rferl.org/a/x" from "https://www.rferl.org/a/x/?utm=1#top". */
export function comparableUrl(url: string): string | null {
  const match = /^https?:\/\/(?:www\.)?([^/?#]+)([^?#]*)/i.exec(url.trim());
  if (match === null) return null;
  return `${(match[1] ?? '').toLowerCase()}${(match[2] ?? '').replace(/\/+$/, '')}`;
}
