/**
 * The bundled reference dataset, assembled from the curated files beside it.
 *
 * Typed `unknown` on purpose: like a synced snapshot, it must pass
 * `parseDataset` (core/schema.ts) before anything trusts it, so a curation
 * mistake is caught by the same checks as a hostile download.
 */
import meta from './meta.json';
import outlets from './outlets.json';
import actors from './actors.json';
import places from './places.json';
import incidents from './incidents.json';
import reports from './reports.json';
import figures from './figures.json';

export const bundledDataset: unknown = {
  meta,
  outlets,
  actors,
  places,
  incidents,
  reports,
  figures,
};
