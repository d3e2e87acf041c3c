/**
 * Test helper for the popover tests: a fixture page resolved exactly as the
 * background answers 'page.resolve' (the page's own report left out, only
 * the linked incidents' bundles sent back), built from the bundled dataset.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import { matcherFor } from '../../core/annotate';
import { withoutOwnReports } from '../../core/ownReport';
import { DatasetIndex } from '../../core/datasetIndex';
import { candidateQuery, readPageEvidence } from '../../core/evidence';
import type { PageResolveReply } from '../../core/popoverModel';
import { resolvePage } from '../../core/resolve';
import { parseDataset } from '../../core/schema';
import type { ResolvedClaim } from '../../core/types';
import { bundledDataset } from '../../data/index';
import { collectPageSignals } from '../../page/signals';
import { extractVisibleText } from '../../page/visibleText';

const parsed = parseDataset(bundledDataset);
if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
export const seedIndex = new DatasetIndex(parsed.dataset);

const ROOT = join(import.meta.dirname, '../..');

export function resolveFixturePage(path: string): PageResolveReply {
  const { document } = parseHTML(readFileSync(join(ROOT, path), 'utf8'));
  const text = extractVisibleText(document).text;
  const signals = collectPageSignals(document);
  const evidence = readPageEvidence(
    { text, signals },
    matcherFor(seedIndex),
    seedIndex.outletRefs(),
  );
  const page = {
    url: signals.url ?? signals.metas['og:url'] ?? null,
    outletId: evidence.facts.outletId,
    publishedAt: evidence.facts.publishedAt,
    title: evidence.facts.title,
  };
  const candidates = seedIndex
    .candidates(candidateQuery(evidence))
    .map((bundle) => withoutOwnReports(bundle, page));
  const resolution = resolvePage(evidence, candidates);
  const linked = new Set([
    ...resolution.incidents.map((incident) => incident.incidentId),
    ...resolution.claims.flatMap((claim) => (claim.incidentId === null ? [] : [claim.incidentId])),
  ]);
  return { ...resolution, bundles: candidates.filter((b) => linked.has(b.incident.id)) };
}

/** The page's claim whose text is exactly `text`. */
export function claimByText(resolution: PageResolveReply, text: string): ResolvedClaim {
  const claim = resolution.claims.find((c) => c.text === text);
  if (claim === undefined) {
    throw new Error(`No claim "${text}" in ${resolution.claims.map((c) => c.text).join(' | ')}`);
  }
  return claim;
}
