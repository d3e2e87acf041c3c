/**
 * The vocabulary of casualty reports: who is counted (side), what happened to
 * them (outcome) and how sure the count is (qualifier). Kept apart from the
 * grammar in claims.ts so the word lists can grow without touching it.
 * Every lookup takes lower-cased tokens (see claimTokens.ts).
 */
import type { Outcome, Qualifier, Side } from './schema';

/** What a head noun says about whom a figure counts. */
export type HeadKind = Side | 'generic' | 'others';

const HEADS: ReadonlyArray<[HeadKind, string]> = [
  [
    'security',
    'police policeman policemen policewoman policewomen officer officers troops soldier soldiers ' +
      'serviceman servicemen servicemembers guard guards forces commandos gendarmes paratroopers ' +
      'conscripts marines sailors airmen personnel agents peacekeepers enforcers',
  ],
  [
    'militants',
    'gunman gunmen attacker attackers assailant assailants rebel rebels insurgent insurgents ' +
      'militant militants fighter fighters extremist extremists terrorist terrorists jihadist ' +
      'jihadists jihadis guerrilla guerrillas bandits separatists bomber bombers mercenaries militiamen',
  ],
  [
    'civilians',
    'civilian civilians resident residents passers-by passersby bystanders woman women child ' +
      'children villagers worshippers worshipers students pupils schoolchildren journalists workers ' +
      'pilgrims tourists shoppers passengers infants babies girls boys teachers protesters ' +
      'demonstrators refugees migrants farmers doctors nurses patients activists spectators drivers ' +
      'cyclists hikers climbers mountaineers commuters concertgoers fans guests',
  ],
  [
    'generic',
    'people persons person individuals man men member members victims bodies suspects officials ' +
      'prisoners hostages employees supporters loyalists followers citizens nationals foreigners ' +
      'palestinians israelis afghans syrians iraqis ukrainians russians americans tajiks uzbeks kurds ' +
      'yemenis somalis pakistanis nigerians sudanese lebanese libyans malians',
  ],
  ['others', 'others them'],
];

const HEAD_KIND: ReadonlyMap<string, HeadKind> = new Map(
  HEADS.flatMap(([kind, words]) => words.split(' ').map((word) => [word, kind] as const)),
);

/** How a word can head a noun phrase that counts people, or undefined. */
export function headKind(word: string): HeadKind | undefined {
  return HEAD_KIND.get(word);
}

/** Heads that often modify another noun ("police station", "rebel positions"). */
export const ATTRIBUTIVE_HEADS: ReadonlySet<string> = new Set([
  'police',
  'rebel',
  'militant',
  'insurgent',
  'guard',
  'civilian',
  'terrorist',
  'soldier',
  'member',
]);

const SECURITY_CUE =
  /\b(?:armed forces|security|police|army|military|border|law enforcement|special forces|national guard|government|ministry|defen[cs]e|interior)\b/;
const MILITANT_CUE =
  /\b(?:armed groups?|armed men|criminal|terrorist|extremist|militant|rebel|insurgent|jihadist|islamist|gang|separatist|guerrilla|opposition|is|isis|daesh|taliban|al[- ]qaeda)\b/;
/** A leader's men: "Nazarzod's troops". Countries and institutions are excluded below. */
const LEADER_POSSESSIVE = /(?:^|\s)(\p{Lu}[\p{L}-]+)['’]s\s+(?:\S+\s+)*?(\S+)$/u;
const LEADER_FOLLOWERS = new Set([
  'troops',
  'men',
  'fighters',
  'forces',
  'supporters',
  'loyalists',
  'followers',
  'militiamen',
  'gunmen',
]);
const STATE_NAME =
  /^(?:\p{L}+(?:stan|ia|land)|Russia|Ukraine|Iran|Iraq|Israel|China|France|Britain|America|Afghanistan|Pakistan|Turkey|Syria|Yemen|Sudan|Mali|Niger|Nigeria|Chad|Egypt|Libya|Lebanon|Japan|Israel|Nato|NATO|UN|EU|US|Army|Government|State|Ministry|Kremlin|Pentagon|Moscow|Kyiv|Kiev|Dushanbe|Kabul|Tehran|Beijing|Washington)$/u;

/**
 * The side a noun phrase counts ("Interior Ministry special forces officers"
 * -> security), or 'inherit' for "others"/"them", whose side is that of the
 * figure before them. The head is the phrase's last word, except in
 * "members of ...", whose head is "members".
 */
export function classifySide(label: string): Side | 'inherit' {
  const parts = label.split(/\s+and\s+/);
  if (parts.length > 1 && parts.every((part) => headKind(lastWord(part)) !== undefined)) {
    // "policemen and soldiers" is one side; "soldiers and civilians" is none.
    const sides = new Set(parts.map(classifyPhrase));
    return sides.size === 1 ? (parts.map(classifyPhrase)[0] ?? 'unknown') : 'unknown';
  }
  return classifyPhrase(label);
}

function lastWord(phrase: string): string {
  return phrase.toLowerCase().split(/\s+/).pop() ?? '';
}

function classifyPhrase(label: string): Side | 'inherit' {
  const words = label.toLowerCase().replace(/’/g, "'").split(/\s+/);
  const headWord = words.includes('of') && words[0] !== 'of' ? words[0] : words[words.length - 1];
  const kind = headKind(headWord ?? '') ?? 'generic';
  if (kind === 'others') return 'inherit';
  const leader = LEADER_POSSESSIVE.exec(label);
  if (leader && LEADER_FOLLOWERS.has(leader[2] ?? '') && !STATE_NAME.test(leader[1] ?? '')) {
    return 'militants';
  }
  const modifiers = label.toLowerCase();
  if (kind === 'security') {
    return /\b(?:rebel|insurgent|guerrilla|opposition|separatist)\b/.test(modifiers)
      ? 'militants'
      : 'security';
  }
  if (kind !== 'generic') return kind;
  if (SECURITY_CUE.test(modifiers)) return 'security';
  if (MILITANT_CUE.test(modifiers)) return 'militants';
  return 'unknown';
}

export interface OutcomeAt {
  outcome: Outcome;
  next: number;
  /** Takes the counted people as its object ("killed 28 soldiers"). */
  transitive: boolean;
}

/** Multi-word outcomes first: their first word may be an outcome on its own. */
const OUTCOME_PHRASES: ReadonlyArray<[readonly string[], Outcome, boolean]> = [
  [['shot', 'dead'], 'killed', true],
  [['found', 'dead'], 'killed', false],
  [['gunned', 'down'], 'killed', true],
  [['lost', 'their', 'lives'], 'killed', false],
  [['taken', 'prisoner'], 'captured', false],
  [['taken', 'hostage'], 'captured', false],
  [['taken', 'captive'], 'captured', false],
  [['taken', 'into', 'custody'], 'detained', false],
  [['in', 'custody'], 'detained', false],
  [['unaccounted', 'for'], 'missing', false],
];

const OUTCOME_WORDS: ReadonlyMap<string, [Outcome, boolean]> = new Map(
  (
    [
      ['killed', 'killed', true],
      ['kill', 'killed', true],
      ['kills', 'killed', true],
      ['killing', 'killed', true],
      ['slain', 'killed', false],
      ['dead', 'killed', false],
      ['died', 'killed', false],
      ['die', 'killed', false],
      ['deaths', 'killed', false],
      ['eliminated', 'killed', true],
      ['eliminating', 'killed', true],
      ['neutralised', 'killed', true],
      ['neutralized', 'killed', true],
      ['massacred', 'killed', true],
      ['wounded', 'wounded', true],
      ['wounding', 'wounded', true],
      ['injured', 'wounded', true],
      ['injuring', 'wounded', true],
      ['hurt', 'wounded', false],
      ['captured', 'captured', true],
      ['capturing', 'captured', true],
      ['abducted', 'captured', true],
      ['kidnapped', 'captured', true],
      ['detained', 'detained', true],
      ['detaining', 'detained', true],
      ['arrested', 'detained', true],
      ['arresting', 'detained', true],
      ['apprehended', 'detained', true],
      ['missing', 'missing', false],
    ] as const
  ).map(([word, outcome, transitive]) => [word, [outcome, transitive]]),
);

/** The outcome word or phrase at words[i], or null. */
export function readOutcomeAt(words: readonly string[], i: number): OutcomeAt | null {
  for (const [phrase, outcome, transitive] of OUTCOME_PHRASES) {
    if (phrase.every((word, k) => words[i + k] === word)) {
      return { outcome, transitive, next: i + phrase.length };
    }
  }
  const found = OUTCOME_WORDS.get(words[i] ?? '');
  return found ? { outcome: found[0], transitive: found[1], next: i + 1 } : null;
}

/**
 * A cheap test that a sentence may hold a casualty figure at all, so that
 * most sentences of a long page are skipped before tokenising.
 */
export const OUTCOME_CUE =
  /\b(?:kill|dead|death|die|slain|eliminat|neutrali[sz]|massacr|gunned down|wound|injur|hurt|captur|prisoner|hostage|captive|abduct|kidnap|detain|arrest|apprehend|custody|missing|unaccounted|lost\b|lives\b|bodies\b|toll)/i;

const QUALIFIERS: ReadonlyArray<[readonly string[], Qualifier]> = [
  [['at', 'least'], 'at-least'],
  [['no', 'fewer', 'than'], 'at-least'],
  [['no', 'less', 'than'], 'at-least'],
  [['not', 'less', 'than'], 'at-least'],
  [['more', 'than'], 'more-than'],
  [['upwards', 'of'], 'more-than'],
  [['in', 'excess', 'of'], 'more-than'],
  [['over'], 'more-than'],
  [['up', 'to'], 'up-to'],
  [['as', 'many', 'as'], 'up-to'],
  [['at', 'most'], 'up-to'],
  [['no', 'more', 'than'], 'up-to'],
  [['fewer', 'than'], 'up-to'],
  [['less', 'than'], 'up-to'],
  [['an', 'estimated'], 'about'],
  [['close', 'to'], 'about'],
  [['some'], 'about'],
  [['about'], 'about'],
  [['around'], 'about'],
  [['approximately'], 'about'],
  [['roughly'], 'about'],
  [['nearly'], 'about'],
  [['almost'], 'about'],
  [['estimated'], 'about'],
];

const QUALIFIER_STARTS: ReadonlySet<string> = new Set(
  QUALIFIERS.map(([phrase]) => phrase[0] ?? ''),
);

/** A cheap test that a qualifier may start with this word. */
export function mayStartQualifier(word: string): boolean {
  return QUALIFIER_STARTS.has(word);
}

/** The qualifier phrase at words[i] ("at least", "nearly"), or null. */
export function readQualifierAt(
  words: readonly string[],
  i: number,
): { qualifier: Qualifier; next: number } | null {
  for (const [phrase, qualifier] of QUALIFIERS) {
    if (phrase.every((word, k) => words[i + k] === word)) {
      return { qualifier, next: i + phrase.length };
    }
  }
  return null;
}
