/**
 * The benchmark inputs, built the same way every run: synthetic dictionaries
 * of plausible transliterated names (people, places, organisations; nested,
 * so the 1,000-alias dictionary is the start of the 10,000 one), and about
 * 1 MB of news-like text made of the five seed articles and generated
 * sentences that mention dictionary names at a news-like density and carry
 * casualty figures, dates and attributions for the later stages.
 */
import { readdirSync, readFileSync } from 'node:fs';
import type { LexiconEntry } from '../../core/types';
import { between, pick, seededRandom, type Random } from './prng';

const SEEDS_DIR = new URL('../../data/seeds/', import.meta.url);

export function seedArticles(): string[] {
  return readdirSync(SEEDS_DIR)
    .filter((name) => name.endsWith('.txt'))
    .toSorted()
    .map((name) => readFileSync(new URL(name, SEEDS_DIR), 'utf8'));
}

const ONSETS = ['b', 'd', 'f', 'g', 'h', 'j', 'k', 'kh', 'l', 'm', 'n', 'q', 'r', 's', 'sh'];
const MORE_ONSETS = ['t', 'v', 'z', 'zh', 'ch', 'y', 'dzh', 'gh', 'a', 'i', 'u', 'o'];
const VOWELS = ['a', 'a', 'o', 'u', 'i', 'e', 'ai', 'ia', 'ou', 'ar', 'ul'];
const CODAS = ['', '', '', 'n', 'r', 'm', 'l', 'd', 'z', 'k', 'sh', 't', 'b', 'f'];
const FAMILY_ENDINGS = ['ov', 'ev', 'zoda', 'zod', 'iyev', 'bekov', 'ulloev', 'i', 'on', 'ova'];
const PLACE_ENDINGS = ['', '', '', 'abad', 'obod', 'kent', 'shahr', 'ston', 'dara'];
const PLACE_KINDS = ['', '', '', ' district', ' gorge', ' valley', ' region', ' pass'];
const ORG_SHAPES = [
  (a: string) => `${a} Liberation Front`,
  (a: string) => `Movement of ${a}`,
  (a: string) => `${a} National Party`,
  (a: string, b: string) => `Union of ${a} and ${b}`,
  (a: string) => `${a} Brigade`,
  (a: string, b: string) => `Jamaat ${a} ${b}`,
];

const capitalize = (word: string): string => word.charAt(0).toUpperCase() + word.slice(1);

function syllables(random: Random, low: number, high: number): string {
  let word = '';
  const count = between(random, low, high);
  for (let i = 0; i < count; i++) {
    word += pick(random, random() < 0.7 ? ONSETS : MORE_ONSETS);
    word += pick(random, VOWELS) + pick(random, CODAS);
  }
  return word;
}

function personName(random: Random): string {
  const given = capitalize(syllables(random, 2, 3));
  const family = capitalize(syllables(random, 1, 3) + pick(random, FAMILY_ENDINGS));
  if (random() < 0.2) return `${given} ${capitalize(syllables(random, 2, 2))} ${family}`;
  return `${given} ${family}`;
}

function placeName(random: Random): string {
  return (
    capitalize(syllables(random, 2, 3) + pick(random, PLACE_ENDINGS)) + pick(random, PLACE_KINDS)
  );
}

function organisationName(random: Random): string {
  const shape = pick(random, ORG_SHAPES);
  return shape(capitalize(syllables(random, 2, 3)), capitalize(syllables(random, 2, 3)));
}

/** `count` distinct entries; each size is a prefix of every larger one. */
export function syntheticLexicon(count: number, seed = 20150904): LexiconEntry[] {
  const random = seededRandom(seed);
  const seen = new Set<string>();
  const entries: LexiconEntry[] = [];
  while (entries.length < count) {
    const roll = random();
    const kind = roll >= 0.5 && roll < 0.8 ? 'place' : 'actor';
    const alias =
      roll < 0.5 ? personName(random) : roll < 0.8 ? placeName(random) : organisationName(random);
    if (seen.has(alias.toLowerCase())) continue;
    seen.add(alias.toLowerCase());
    entries.push({ targetId: `syn-${entries.length}`, kind, alias, weak: false });
  }
  return entries;
}

const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const MONTHS = ['January', 'March', 'May', 'June', 'September', 'November'];
const NUMBER_WORDS = ['two', 'three', 'four', 'five', 'eight', 'nine', 'twelve'];
const SIDES = ['policemen', 'soldiers', 'border guards', 'militants', 'civilians', 'attackers'];
const SOURCES = ['the interior ministry', 'a local official', 'state media', 'a spokesman'];

type Slot = () => string;

/** Sentence makers: some name nobody, some carry figures, some only names. */
function sentenceMakers(random: Random, name: Slot): Slot[] {
  const n = (): string => String(between(random, 2, 40));
  const word = (): string => pick(random, NUMBER_WORDS);
  const side = (): string => pick(random, SIDES);
  const day = (): string => pick(random, WEEKDAYS);
  const source = (): string => pick(random, SOURCES);
  return [
    () =>
      `${name()}, a spokesman for ${name()}, said on ${day()} that ${n()} ${side()} were killed near ${name()}.`,
    () => `Officials in ${name()} declined to comment on the report.`,
    () =>
      `At least ${word()} ${side()} and ${n()} civilians were wounded when gunmen opened fire on a checkpoint, ${source()} said.`,
    () =>
      `Residents said the fighting lasted for several hours and that roads to ${name()} remained closed on ${day()}.`,
    () => `Analysts say the government has used the unrest to tighten its grip on the opposition.`,
    () =>
      `${capitalize(source())} said ${n()} suspects had been detained, while ${name()} told reporters the toll could rise.`,
    () =>
      `Prices of bread and fuel rose sharply in the capital last month, the statistics agency said.`,
    () =>
      `${name()} met ${name()} on ${pick(random, MONTHS)} ${between(random, 1, 28)} to discuss border security.`,
    () =>
      `The statement could not be independently verified, and the ministry did not respond to a request for comment.`,
    () => `Witnesses described a convoy of armoured vehicles moving through the town before dawn.`,
    () => `The group has previously claimed attacks in the region, though experts doubt its reach.`,
    () =>
      `More than ${n()} people were evacuated from villages near ${name()}, according to ${source()}.`,
  ];
}

export interface NewsText {
  text: string;
  /** Name slots filled, for the density note. */
  mentions: number;
  words: number;
}

/**
 * At least `bytes` of UTF-8 news text: paragraphs of generated sentences
 * ("\n" between paragraphs), one seed article every ~50 KB. Names come from
 * `names`, drawn at random.
 */
export function newsText(bytes: number, names: readonly string[], seed = 42): NewsText {
  const random = seededRandom(seed);
  const seeds = seedArticles();
  let mentions = 0;
  const name = (): string => {
    mentions++;
    return pick(random, names);
  };
  const makers = sentenceMakers(random, name);
  const parts: string[] = [];
  let size = 0;
  let nextSeedAt = 0;
  let seedIndex = 0;
  while (size < bytes) {
    let paragraph: string;
    if (size >= nextSeedAt) {
      paragraph = seeds[seedIndex++ % seeds.length]!;
      nextSeedAt += 50_000;
    } else {
      const sentences: string[] = [];
      const count = between(random, 3, 6);
      for (let i = 0; i < count; i++) sentences.push(pick(random, makers)());
      paragraph = sentences.join(' ');
    }
    parts.push(paragraph);
    size += Buffer.byteLength(paragraph, 'utf8') + 1;
  }
  const text = parts.join('\n');
  const words = text.split(/\s+/).length;
  return { text, mentions, words };
}

/** A prefix of `text` of about `chars` UTF-16 units, cut at a space so no word is split. */
export function prefixOf(text: string, chars: number): string {
  if (chars >= text.length) return text;
  const cut = text.lastIndexOf(' ', chars);
  return text.slice(0, cut > 0 ? cut : chars);
}
