// The lexicon: one entry per distinct spelling of a target; and every spelling the bundled dataset lists can be found.
import { describe, expect, test } from 'vitest';
import { buildLexicon } from '../../core/lexicon';
import { AliasMatcher } from '../../core/matcher';
import { parseDataset } from '../../core/schema';
import type { Actor, Incident, Place } from '../../core/schema';
import { bundledDataset } from '../../data/index';

const actor = (id: string, name: string, aliases: string[], weakAliases: string[]): Actor => ({
  id,
  name,
  kind: 'person',
  aliases,
  weakAliases,
  description: '',
  links: [],
});
const place = (id: string, name: string, aliases: string[]): Place => ({
  id,
  name,
  kind: 'city',
  aliases,
  admin: null,
  country: 'TJ',
  lat: null,
  lon: null,
});
const incident = (id: string, keywords: string[]): Incident => ({
  id,
  title: id,
  kind: 'attack',
  startDate: '2015-09-04',
  endDate: '2015-09-04',
  datePrecision: 'day',
  placeIds: [],
  actors: [],
  parentId: null,
  keywords,
  summary: '',
});

describe('buildLexicon', () => {
  test.each([
    [
      'name, aliases and weak aliases, spellings of one key counted once',
      {
        actors: [
          actor('rahmon', 'Emomali Rahmon', ['Emomali Rakhmon', 'Rahmon', 'Рахмон'], ['Emomali']),
        ],
        places: [],
        incidents: [],
      },
      [
        { targetId: 'rahmon', kind: 'actor', alias: 'Emomali Rahmon', weak: false },
        { targetId: 'rahmon', kind: 'actor', alias: 'Rahmon', weak: false },
        { targetId: 'rahmon', kind: 'actor', alias: 'Emomali', weak: true },
      ],
    ],
    [
      'a spelling listed strong and weak stays strong; empty keys are dropped',
      {
        actors: [actor('nazarzoda', 'Nazarzoda', ['—'], ['Nazarzod', 'Khalim'])],
        places: [],
        incidents: [],
      },
      [
        { targetId: 'nazarzoda', kind: 'actor', alias: 'Nazarzoda', weak: false },
        { targetId: 'nazarzoda', kind: 'actor', alias: 'Khalim', weak: true },
      ],
    ],
    [
      'places and incident keywords; one key shared by two targets stays twice',
      {
        actors: [actor('vahdat-person', 'Vahdat', [], [])],
        places: [place('vahdat', 'Vahdat', ['Vakhdat', 'Kofarnihon'])],
        incidents: [incident('attacks', ['suburban police station', 'Suburban Police Station'])],
      },
      [
        { targetId: 'vahdat-person', kind: 'actor', alias: 'Vahdat', weak: false },
        { targetId: 'vahdat', kind: 'place', alias: 'Vahdat', weak: false },
        { targetId: 'vahdat', kind: 'place', alias: 'Kofarnihon', weak: false },
        { targetId: 'attacks', kind: 'incident', alias: 'suburban police station', weak: false },
      ],
    ],
  ])('%s', (_name, data, expected) => {
    expect(buildLexicon(data)).toEqual(expected);
  });
});

describe('the bundled dataset', () => {
  const parsed = parseDataset(bundledDataset);
  if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
  const { dataset } = parsed;
  const matcher = AliasMatcher.build(buildLexicon(dataset));

  // Each spelling on a line of its own: the whole line must be found for its target.
  const spellings = [
    ...dataset.actors.flatMap((a) =>
      [a.name, ...a.aliases, ...a.weakAliases].map((alias) => [a.id, alias] as const),
    ),
    ...dataset.places.flatMap((p) => [p.name, ...p.aliases].map((alias) => [p.id, alias] as const)),
  ];

  test('has spellings to check', () => {
    expect(spellings.length).toBeGreaterThan(100);
  });

  test('every actor and place spelling is found, whole, for its target', () => {
    const text = spellings.map(([, alias]) => alias).join('\n');
    const hits = new Set(
      matcher.findAll(text).map((hit) => `${hit.targetId}=${text.slice(hit.start, hit.end)}`),
    );
    const missing = spellings.filter(([id, alias]) => !hits.has(`${id}=${alias}`));
    expect(missing).toEqual([]);
  });
});
