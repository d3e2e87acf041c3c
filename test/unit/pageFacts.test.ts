// Page facts: publication day, outlet, title and language, each from the sources a page really has.
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import {
  guessLanguage,
  readPageFacts,
  statedDay,
  stripSiteName,
  type OutletRef,
} from '../../core/pageFacts';
import type { PageFacts, PageSignals } from '../../core/types';

// A small inline list; the curated one lives in data/outlets.json.
const OUTLETS: OutletRef[] = [
  {
    id: 'rferl',
    name: 'Radio Free Europe/Radio Liberty',
    aliases: ['RFE/RL', 'Radio Liberty', 'Radio Ozodi'],
    domains: ['rferl.org', 'ozodi.org'],
  },
  { id: 'reuters', name: 'Reuters', aliases: [], domains: ['reuters.com'] },
  { id: 'tass', name: 'TASS', aliases: ['ITAR-TASS'], domains: ['tass.com', 'tass.ru'] },
  { id: 'voa', name: 'Voice of America', aliases: ['VOA'], domains: ['voanews.com'] },
];

const signalsWith = (overrides: Partial<PageSignals>): PageSignals => ({
  url: null,
  title: null,
  lang: null,
  metas: {},
  jsonLd: [],
  times: [],
  ...overrides,
});

const facts = (overrides: Partial<PageSignals>, text = ''): PageFacts =>
  readPageFacts(signalsWith(overrides), text, OUTLETS);

const seed = (name: string) =>
  readFileSync(new URL(`../../data/seeds/${name}.txt`, import.meta.url), 'utf8');

describe('publication day', () => {
  test.each<[string, Partial<PageSignals>, string, string | null, PageFacts['publishedAtSource']]>([
    [
      'meta, in the page timezone',
      { metas: { 'article:published_time': '2015-09-04T23:30:00+05:00' } },
      '',
      '2015-09-04',
      'meta',
    ],
    ['meta "date"', { metas: { date: '2015-09-04' } }, '', '2015-09-04', 'meta'],
    [
      'meta "dc.date", RFC 2822',
      { metas: { 'dc.date': 'Fri, 04 Sep 2015 12:00:00 GMT' } },
      '',
      '2015-09-04',
      'meta',
    ],
    ['meta "pubdate", compact', { metas: { pubdate: '20150904' } }, '', '2015-09-04', 'meta'],
    [
      'meta "parsely-pub-date"',
      { metas: { 'parsely-pub-date': '2015-09-04T10:00:00Z' } },
      '',
      '2015-09-04',
      'meta',
    ],
    [
      'meta "sailthru.date"',
      { metas: { 'sailthru.date': '2015-09-04 12:00:00' } },
      '',
      '2015-09-04',
      'meta',
    ],
    [
      'article:published_time before date',
      { metas: { date: '2015-09-05', 'article:published_time': '2015-09-04' } },
      '',
      '2015-09-04',
      'meta',
    ],
    [
      'JSON-LD array',
      { jsonLd: ['[{"@type":"NewsArticle","datePublished":"2015-09-05T08:00:00+03:00"}]'] },
      '',
      '2015-09-05',
      'json-ld',
    ],
    [
      'JSON-LD @graph, after a WebPage',
      {
        jsonLd: [
          '{"@context":"https://schema.org","@graph":[{"@type":"WebPage","datePublished":"2001-01-01"},{"@type":["ReportageNewsArticle"],"datePublished":"2019-11-08"}]}',
        ],
      },
      '',
      '2019-11-08',
      'json-ld',
    ],
    [
      'JSON-LD with a raw line break in a string',
      { jsonLd: ['{"@type":"Article","headline":"two\nlines","datePublished":"2010-09-23"}'] },
      '',
      '2010-09-23',
      'json-ld',
    ],
    [
      'broken JSON-LD is ignored, the time element is used',
      { jsonLd: ['{ "@type": "NewsArticle", "datePublished": '], times: ['2015-09-14T10:00'] },
      '',
      '2015-09-14',
      'time',
    ],
    [
      'an unparseable meta falls through to JSON-LD',
      {
        metas: { date: 'yesterday' },
        jsonLd: ['{"@type":"NewsArticle","datePublished":"2015-09-04"}'],
      },
      '',
      '2015-09-04',
      'json-ld',
    ],
    ['no such day', { metas: { date: '2015-02-30' } }, '', null, null],
    [
      'a dateline with its year',
      {},
      'World\nWASHINGTON, Sept. 4, 2015 (Reuters) - Gunmen',
      '2015-09-04',
      'dateline',
    ],
    ['a day-first dateline', {}, 'MOSCOW, 14 September 2015 - The', '2015-09-14', 'dateline'],
    [
      'a year-less dateline takes the year in the URL',
      { url: 'https://tass.com/world/2015/09/14/nazarbayev' },
      'All news\nDUSHANBE, September 14. /TASS/. The recent',
      '2015-09-14',
      'dateline',
    ],
    ['an "UPDATED" line is no dateline', {}, 'UPDATED, Sept. 9, 2015 - Police', null, null],
    [
      'a dateline further down, after site chrome',
      {},
      'Menu\nWorld\n\nDUSHANBE, Sept 4, 2015 (Reuters) - At least',
      '2015-09-04',
      'dateline',
    ],
    ['a year-less dateline alone is not enough', {}, seed('002_633043090701e538'), null, null],
    ['nothing at all', {}, seed('000_730a5c529c7b08ea'), null, null],
  ])('%s', (_label, signals, text, day, source) => {
    const result = facts(signals, text);
    expect([result.publishedAt, result.publishedAtSource]).toEqual([day, source]);
  });

  test.each<[string, string | null]>([
    ['2015-09-04T23:30:00+05:00', '2015-09-04'],
    ['2015-09-04T00:30:00-08:00', '2015-09-04'],
    ['2015/09/04', '2015-09-04'],
    ['September 4, 2015', '2015-09-04'],
    ['Friday, Sept. 4, 2015', '2015-09-04'],
    ['4 September 2015 10:00', '2015-09-04'],
    ['2016-02-29', '2016-02-29'],
    ['2015-02-29', null],
    ['1441367400', null],
    ['', null],
    ['Friday', null],
  ])('statedDay(%j) is %j', (value, day) => {
    expect(statedDay(value)).toBe(day);
  });
});

describe('outlet', () => {
  test.each<[string, Partial<PageSignals>, string | null]>([
    ['the host', { url: 'https://rferl.org/a/x.html' }, 'rferl'],
    ['www. subdomain', { url: 'https://www.rferl.org/a/27227845.html' }, 'rferl'],
    ['m. subdomain, port and upper case', { url: 'HTTPS://M.RFERL.ORG:443/a/x' }, 'rferl'],
    ['a second domain of the outlet', { url: 'https://rus.ozodi.org/a/x' }, 'rferl'],
    ['a lookalike host', { url: 'https://evilrferl.org/a/x' }, null],
    ['the outlet domain as a subdomain', { url: 'https://rferl.org.example.com/a' }, null],
    [
      'a Wayback capture',
      { url: 'https://web.archive.org/web/20150905/https://www.reuters.com/article/x' },
      'reuters',
    ],
    [
      'og:url when served elsewhere',
      { url: 'http://127.0.0.1:8080/p.html', metas: { 'og:url': 'https://tass.com/world/823456' } },
      'tass',
    ],
    ['og:site_name alias', { metas: { 'og:site_name': 'RFE/RL' } }, 'rferl'],
    [
      'og:site_name, other spacing and case',
      { metas: { 'og:site_name': 'Radio Free Europe / radio liberty' } },
      'rferl',
    ],
    [
      'JSON-LD publisher',
      { jsonLd: ['{"@type":"NewsArticle","publisher":{"@type":"Organization","name":"Reuters"}}'] },
      'reuters',
    ],
    ['twitter:site handle', { metas: { 'twitter:site': '@VOA' } }, 'voa'],
    [
      'the URL wins over a site name',
      { url: 'https://www.voanews.com/a/x', metas: { 'og:site_name': 'Reuters' } },
      'voa',
    ],
    [
      'an unknown site name',
      { url: 'https://asiaplustj.info/en/news', metas: { 'og:site_name': 'Asia-Plus' } },
      null,
    ],
    ['a partial name is not a match', { metas: { 'og:site_name': 'Radio Free' } }, null],
    ['nothing', {}, null],
  ])('%s', (_label, signals, outletId) => {
    const result = facts(signals, 'Reuters and TASS reported, RFE/RL said.');
    expect(result.outletId).toBe(outletId);
    expect(result.outletName).toBe(OUTLETS.find((o) => o.id === outletId)?.name ?? null);
  });
});

describe('title', () => {
  test.each<[string, Partial<PageSignals>, string | null]>([
    [
      'og:title first',
      { title: 'Other | RFE/RL', metas: { 'og:title': ' At Least 10  Killed ' } },
      'At Least 10 Killed',
    ],
    [
      'JSON-LD headline next',
      { title: 'Other', jsonLd: ['[{"@type":"NewsArticle","headline":"IMU claims attack"}]'] },
      'IMU claims attack',
    ],
    ['<title> minus " | Site"', { title: 'At Least 10 Killed | RFE/RL' }, 'At Least 10 Killed'],
    [
      '<title> minus " - Site" of the matched outlet',
      { url: 'https://www.reuters.com/x', title: 'Al Qaeda ally claims Tajik attack - Reuters' },
      'Al Qaeda ally claims Tajik attack',
    ],
    [
      '<title> minus section and site',
      { title: 'Attack on border post | Tajikistan | Asia-Plus' },
      'Attack on border post',
    ],
    [
      '<title> with the matched site first',
      {
        url: 'https://tass.com/world/823456',
        title: 'TASS | Nazarbayev blames outer interference',
      },
      'Nazarbayev blames outer interference',
    ],
    [
      'a dash inside a headline stays',
      { title: 'Tajikistan: 13 dead - police' },
      'Tajikistan: 13 dead - police',
    ],
    ['no title', {}, null],
  ])('%s', (_label, signals, title) => {
    expect(facts(signals).title).toBe(title);
  });

  test('a long tail after a pipe is part of the headline', () => {
    expect(
      stripSiteName('Live | Tajik police say eight officers killed in Dushanbe attacks', []),
    ).toBe('Live | Tajik police say eight officers killed in Dushanbe attacks');
  });
});

const RUSSIAN =
  'В пятницу в Душанбе и Вахдате были убиты восемь сотрудников полиции, сообщило министерство внутренних дел Таджикистана. По данным ведомства, нападения организовала группа, которую возглавлял заместитель министра обороны. Он был освобожден от должности в тот же день. Также сообщается, что шесть человек были задержаны, а двое нападавших убиты. Это уже не первый случай, когда в стране происходят подобные события, и власти говорят о том, что ситуация находится под контролем.';
const TAJIK =
  'Вазорати корҳои дохилӣ хабар дод, ки дар натиҷаи ҳамла ба шаҳри Душанбе ва Ваҳдат ҳашт корманди милиса кушта шуданд. Ба гуфтаи ин вазорат, гурӯҳро муовини вазири мудофиа роҳбарӣ мекард. Ӯ аз вазифа озод карда шуд. Дар ин бора ҳамчунин гуфта мешавад, ки шаш нафар боздошт шудаанд ва ду нафар аз ҳамлагарон кушта шуданд. Ин вазъ барои мардум нигаронкунанда аст ва мақомот мегӯянд, ки вазъият зери назорат мебошад.';
const FRENCH =
  "Treize membres de groupes armés qui avaient lancé vendredi des attaques contre la police au Tadjikistan ont été tués samedi lors d'une vaste opération de police, a annoncé le ministère de l'Intérieur. Selon les autorités, les auteurs des attaques ont réussi à prendre une grande quantité d'armes et de munitions avant de fuir vers les montagnes au nord-est de la capitale. Le parti a été interdit la semaine dernière par les autorités qui l'accusent d'avoir des liens avec le groupe État islamique.";

describe('language', () => {
  test.each<[string, Partial<PageSignals>, string, string | null]>([
    ['<html lang>', { lang: 'en-US' }, FRENCH, 'en'],
    ['og:locale', { metas: { 'og:locale': 'ru_RU' } }, '', 'ru'],
    ['JSON-LD inLanguage', { jsonLd: ['{"@type":"NewsArticle","inLanguage":"fr-FR"}'] }, '', 'fr'],
    ['content-language', { metas: { 'content-language': 'de, en' } }, '', 'de'],
    [
      'an unusable lang falls through',
      { lang: 'x-default', metas: { 'og:locale': 'tg_TJ' } },
      '',
      'tg',
    ],
    ['guessed: English', {}, seed('000_730a5c529c7b08ea'), 'en'],
    ['guessed: English translated from French', {}, seed('001_36a186174aa90624'), 'en'],
    ['guessed: Russian', {}, RUSSIAN, 'ru'],
    ['guessed: Tajik', {}, TAJIK, 'tg'],
    ['guessed: French', {}, FRENCH, 'fr'],
    ['too little text to guess', {}, 'Eight policemen were killed on Friday in the capital.', null],
    [
      'half French, half English: no guess',
      {},
      `${FRENCH} ${seed('003_d70cfd5fdd3566a3').slice(0, 700)}`,
      null,
    ],
  ])('%s', (_label, signals, text, language) => {
    expect(facts(signals, text).language).toBe(language);
  });

  test('numbers and names alone are no language', () => {
    expect(guessLanguage('Nazarzoda Rakhmon Dushanbe 2015 8 33 '.repeat(20))).toBeNull();
  });
});

test('a whole page: RFE/RL article with meta tags', () => {
  const signals = signalsWith({
    url: 'https://www.rferl.org/a/tajikistan-border-attack/30259950.html',
    title: 'Purported IS Attack Killed More Tajik Border Guards Than Dushanbe Admits',
    lang: 'en',
    metas: { 'og:site_name': 'RFE/RL', 'article:published_time': '2019-11-08T16:21:00+01:00' },
  });
  expect(readPageFacts(signals, seed('004_53d963a1b97000fa'), OUTLETS)).toEqual({
    title: 'Purported IS Attack Killed More Tajik Border Guards Than Dushanbe Admits',
    outletId: 'rferl',
    outletName: 'Radio Free Europe/Radio Liberty',
    publishedAt: '2019-11-08',
    publishedAtSource: 'meta',
    language: 'en',
  });
});
