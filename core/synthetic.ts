/**
 * A deterministic synthetic dataset for scale tests and benchmarks: at scale 1,
 * 100,000 incidents, 300,000 reports and 1,000,000 figures (plus actors,
 * places and outlets), every record valid and every reference resolving. The
 * same seed and scale give the same dataset, byte for byte.
 */
import type { Actor, Dataset, Figure, Incident, Outlet, Place, Report } from './schema';
import { OUTCOMES, QUALIFIERS, SCHEMA_VERSION, SIDES } from './schema';

export interface SyntheticOptions {
  /** 1 = full size; 0.01 = a hundredth. */
  scale: number;
  seed?: number;
  version?: number;
}

/** mulberry32: small, fast, good enough to spread synthetic values. */
export function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const SYLLABLES = [
  'ka',
  'ro',
  'mi',
  'zo',
  'da',
  'ne',
  'shi',
  'tu',
  'la',
  'vo',
  'ri',
  'ba',
  'go',
  'hel',
  'mar',
];

export function syntheticDataset(options: SyntheticOptions): Dataset {
  const random = prng(options.seed ?? 20_260_101);
  const int = (max: number) => Math.floor(random() * max);
  const pick = <T>(items: readonly T[]): T => items[int(items.length)]!;
  const word = (parts: number) => {
    let text = '';
    for (let i = 0; i < parts; i++) text += pick(SYLLABLES);
    return text.charAt(0).toUpperCase() + text.slice(1);
  };
  const count = (full: number, least: number) => Math.max(least, Math.round(full * options.scale));
  const nOutlets = count(200, 3);
  const nActors = count(20_000, 5);
  const nPlaces = count(5_000, 5);
  const nIncidents = count(100_000, 10);
  const reportsPerIncident = 3;
  const figuresPerReport = [3, 3, 4] as const; // 10 per incident: 1,000,000 at full size

  const outlets: Outlet[] = [];
  for (let i = 0; i < nOutlets; i++) {
    outlets.push({
      id: `syn-outlet-${i}`,
      name: `${word(2)} News ${i}`,
      aliases: [],
      domains: [`syn-outlet-${i}.example.org`],
      country: 'TJ',
      ownership: pick(['state', 'public', 'private', 'unknown'] as const),
      url: `https://syn-outlet-${i}.example.org/`,
    });
  }
  const actors: Actor[] = [];
  for (let i = 0; i < nActors; i++) {
    actors.push({
      id: `syn-actor-${i}`,
      name: `${word(3)} ${word(3)} ${i}`,
      kind: pick(['person', 'organisation', 'state-body', 'armed-group'] as const),
      aliases: [`${word(2)}zoda ${i}`],
      weakAliases: [],
      description: 'Synthetic actor for scale tests.',
      links: [],
    });
  }
  const places: Place[] = [];
  for (let i = 0; i < nPlaces; i++) {
    places.push({
      id: `syn-place-${i}`,
      name: `${word(3)}abad ${i}`,
      kind: pick(['district', 'city', 'site'] as const),
      aliases: [],
      admin: null,
      country: 'TJ',
      lat: Math.round((36 + random() * 5) * 1e4) / 1e4,
      lon: Math.round((67 + random() * 8) * 1e4) / 1e4,
    });
  }
  const incidents: Incident[] = [];
  const reports: Report[] = [];
  const figures: Figure[] = [];
  for (let i = 0; i < nIncidents; i++) {
    const day = new Date(Date.UTC(1992, 0, 1) + int(10_000) * 86_400_000)
      .toISOString()
      .slice(0, 10);
    const incidentId = `syn-incident-${i}`;
    incidents.push({
      id: incidentId,
      title: `${word(2)} attack ${i}`,
      kind: pick(['attack', 'clash', 'ambush'] as const),
      startDate: day,
      endDate: day,
      datePrecision: 'day',
      placeIds: [`syn-place-${int(nPlaces)}`],
      actors: [{ actorId: `syn-actor-${int(nActors)}`, role: 'perpetrator' }],
      parentId: null,
      keywords: [`${word(2)} post`],
      summary: 'Synthetic incident for scale tests.',
    });
    for (let r = 0; r < reportsPerIncident; r++) {
      const reportId = `syn-report-${i}-${r}`;
      const outlet = int(nOutlets);
      reports.push({
        id: reportId,
        incidentId,
        outletId: `syn-outlet-${outlet}`,
        url: `https://syn-outlet-${outlet}.example.org/${i}/${r}`,
        capture: null,
        publishedAt: day,
        publishedAtInferred: false,
        title: `${word(3)} reported ${i}`,
        language: 'en',
        via: [],
        eventDate: null,
      });
      for (let f = 0; f < figuresPerReport[r]!; f++) {
        const low = int(40);
        const outcome = pick(OUTCOMES);
        figures.push({
          id: `syn-figure-${i}-${r}-${f}`,
          reportId,
          incidentId,
          outcome,
          side: pick(SIDES),
          sideLabel: 'people',
          low,
          high: low + (random() < 0.8 ? 0 : int(10)),
          qualifier: pick(QUALIFIERS),
          attributedTo: 'the ministry',
          attributionKind: 'official',
          quote: `At least ${low} people were ${outcome}, the ministry said.`,
        });
      }
    }
  }
  return {
    meta: {
      datasetId: 'triangulate-synthetic',
      schema: SCHEMA_VERSION,
      version: options.version ?? 1,
      publishedAt: '2026-01-01T00:00:00.000Z',
      title: `Synthetic dataset at scale ${options.scale}`,
      license: 'CC0',
    },
    outlets,
    actors,
    places,
    incidents,
    reports,
    figures,
  };
}
