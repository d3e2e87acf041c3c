/**
 * Generators of hostile text shared by the fuzz suite: the Unicode that real
 * pages carry and naive code mishandles (right-to-left runs and controls,
 * stacked combining marks, surrogate pairs and lone halves, zero-width
 * characters, very long words) mixed with the words the extractors react to,
 * so the properties reach the code paths that find something, not only the
 * ones that give up early.
 */
import fc from 'fast-check';

/** Runs per property: the issue asks for at least 10,000 per CI run. */
export const RUNS = 10_000;
/** Each property stops after this long even if its runs are not done (the suite must stay bounded). */
export const PROPERTY_TIME_LIMIT_MS = 15_000;
export const FUZZ_OPTIONS = {
  numRuns: RUNS,
  interruptAfterTimeLimit: PROPERTY_TIME_LIMIT_MS,
} as const;

export const HOSTILE_PIECES = [
  // Right-to-left text and bidi controls.
  'قتل ثمانية من رجال الشرطة',
  'נהרגו',
  '\u202e',
  '\u202d',
  '\u200f',
  '\u2067',
  // Combining marks, alone and stacked.
  '\u0301',
  'e\u0301\u0308\u0304\u0323',
  'Z\u0351\u0358\u0361\u0488\u0489',
  // Surrogate pairs and lone halves.
  '😀',
  '🇹🇯',
  '𝐈𝐬𝐥𝐚𝐦𝐢𝐜',
  '\ud800',
  '\udc00',
  '\udbff\udbff',
  // Zero-width and invisible characters.
  '\u200b',
  '\u200c',
  '\u200d',
  '\ufeff',
  '\u2060',
  '\u00ad',
  // Spacing and line breaks of every kind.
  ' ',
  '\u00a0',
  '\u3000',
  '\n',
  '\r\n',
  '\t',
  '\u2028',
  '\u2029',
  // Punctuation that splits sentences or numbers.
  '.',
  ',',
  ';',
  '"',
  '“',
  '(',
  ')',
  '-',
  '—',
  "'",
  '’',
  // Words the claim, date and name extractors look for.
  'at least ',
  'more than ',
  'about ',
  'up to ',
  'killed',
  'were killed ',
  'wounded',
  'captured',
  'arrested',
  'policemen',
  'soldiers',
  'militants',
  'civilians',
  'border guards',
  'eight ',
  'thirty-three ',
  'tens of thousands ',
  'hundreds of ',
  '13 ',
  '1,000 ',
  '2.5 million ',
  '150,000 ',
  '0 ',
  '99999999999999999999 ',
  '1e308 ',
  'of the ',
  'including ',
  'the ministry said',
  'according to RIA',
  'on Friday',
  'Saturday',
  'Sept. 4',
  '4 September 2015',
  'September 5',
  '1992-97',
  '2015-09-04',
  'last week',
  'yesterday',
  'Nazarzoda',
  'Назарзода',
  'Rahmon',
  'Vahdat',
  'Dushanbe',
  'IMU',
  'Islamic State',
  'убиты восемь полицейских',
  'tués',
];

/** Words of the pieces glued together in any order. */
export const hostilePieces = fc
  .array(fc.constantFrom(...HOSTILE_PIECES), { maxLength: 60 })
  .map((parts) => parts.join(''));

/** Any UTF-16 code unit, lone surrogates included. */
const anyCodeUnit = fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c));

/** One word hundreds of characters long (the kind that breaks per-word quadratic code). */
const longWord = fc
  .tuple(
    fc.constantFrom('a', 'я', 'ق', '9', 'zoda', 'kh', '\u0301', '😀'),
    fc.integer({ min: 200, max: 3_000 }),
  )
  .map(([unit, times]) => unit.repeat(times));

/** Hostile text: mostly extractor words in hostile Unicode, sometimes raw code units or long words. */
export const hostileText = fc.oneof(
  { weight: 6, arbitrary: hostilePieces },
  { weight: 2, arbitrary: fc.string({ unit: anyCodeUnit, maxLength: 80 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 80 }) },
  {
    weight: 1,
    arbitrary: fc
      .tuple(hostilePieces, longWord, hostilePieces)
      .map(([before, word, after]) => before + word + after),
  },
);

/** A 100,000-character string built from the hostile pieces (deterministic). */
export function hugeHostileText(length = 100_000, seed = 1): string {
  let state = seed;
  const parts: string[] = [];
  let size = 0;
  while (size < length) {
    state = (state * 1_103_515_245 + 12_345) & 0x7fffffff;
    const piece = HOSTILE_PIECES[state % HOSTILE_PIECES.length]!;
    parts.push(piece);
    size += piece.length;
  }
  return parts.join('').slice(0, length);
}

/** A publication date as a page may state it: a real day, none, or garbage. */
export const publishedAtArb = fc.oneof(
  fc.constant(null),
  fc
    .date({
      min: new Date('1900-01-01T00:00:00Z'),
      max: new Date('2100-12-31T00:00:00Z'),
      noInvalidDate: true,
    })
    .map((d) => d.toISOString().slice(0, 10)),
  fc.constantFrom(
    '2015-02-30',
    '0000-00-00',
    '0001-01-01',
    '9999-12-31',
    '9999-99-99',
    '',
    'yesterday',
    '2015-9-4',
  ),
);

/** Any one hostile piece (a zero-width space, a lone surrogate, an RTL mark...). */
const hostileGlue = fc.oneof(
  fc.constant(' '),
  fc.constantFrom(' ', '\u200b', '\u00ad', '\u202e', '\ud800', 'e\u0301', '\n', '  ', '\u00a0'),
);

/** A casualty phrase with hostile characters between its words, so the claim reader fires. */
export const claimish = fc
  .tuple(
    fc.constantFrom('', 'at least', 'more than', 'about', 'up to', 'some'),
    fc.constantFrom(
      'eight',
      '8',
      '33',
      'thirty-three',
      '1,000',
      'dozens of',
      'two',
      '15',
      '150,000',
    ),
    fc.constantFrom('policemen', 'soldiers', 'militants', 'civilians', 'people', 'border guards'),
    fc.constantFrom(
      'were killed',
      'were wounded',
      'killed',
      'died',
      'were captured',
      'were arrested',
    ),
    hostileGlue,
    hostileGlue,
    hostileGlue,
  )
  .map(
    ([qualifier, count, side, verb, a, b, c]) => `${qualifier}${a}${count}${b}${side}${c}${verb}.`,
  );

/** A date phrase with hostile characters around it, so the date reader fires. */
export const dateish = fc
  .tuple(
    fc.constantFrom('on', 'On', 'since', ''),
    fc.constantFrom(
      'Friday',
      'Sept. 4',
      'September 5, 2015',
      '4 September',
      '1992-97',
      'Nov 6',
      'Sunday',
    ),
    hostileGlue,
  )
  .map(([lead, day, glue]) => `${lead}${glue}${day}`);

/** Hostile text that also holds claims and dates. */
export const hostileProse = fc
  .array(fc.oneof(hostileText, claimish, dateish), { maxLength: 6 })
  .map((parts) => parts.join(' '));
