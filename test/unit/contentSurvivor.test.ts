// A rescan keeps the open popover on its annotation when it survives: same kind, target and range,
// or (marks re-split the text) the same offsets under an unchanged opening.
import { describe, expect, test } from 'vitest';
import type { PlannedAnnotation } from '../../entrypoints/content/plan';
import { survivorOf } from '../../entrypoints/content/survivor';

type Built = PlannedAnnotation & { id: number; range: Range };

const connected = { isConnected: true } as Node;
const other = { isConnected: true } as Node;
const detached = { isConnected: false } as Node;

function range(node: Node, start: number, end: number, collapsed = false): Range {
  return {
    startContainer: node,
    startOffset: start,
    endContainer: node,
    endOffset: end,
    collapsed,
  } as unknown as Range;
}

function annotation(id: number, targetId: string, at: number, where: Range): Built {
  return {
    id,
    kind: 'actor',
    highlight: 'triangulate-actor',
    start: at,
    end: at + 5,
    targetId,
    claimIndex: -1,
    range: where,
  };
}

const TEXT = 'Rahmon said Rahmon.';
const old = annotation(0, 'rahmon', 12, range(connected, 12, 17));

describe('survivorOf', () => {
  test.each<[string, Built[], string, number | null]>([
    [
      'same target over the same range, text added above',
      [
        annotation(0, 'rahmon', 0, range(connected, 0, 5)),
        annotation(1, 'rahmon', 40, range(connected, 12, 17)),
      ],
      `Breaking: new paragraph.\n${TEXT}`,
      1,
    ],
    [
      'another target over the same range',
      [annotation(0, 'putin', 40, range(connected, 12, 17))],
      `x\n${TEXT}`,
      null,
    ],
    [
      'same target over another range, text changed before it',
      [annotation(3, 'rahmon', 12, range(other, 0, 5))],
      `Rahmon told Rahmon.`,
      null,
    ],
    [
      'same target, same offsets, unchanged opening (marks re-split the nodes)',
      [annotation(4, 'rahmon', 12, range(other, 0, 5))],
      `${TEXT} More.`,
      4,
    ],
    ['nothing built', [], TEXT, null],
  ])('%s', (_label, built, after, expected) => {
    expect(survivorOf(old, built, { before: TEXT, after })?.id ?? null).toBe(expected);
  });

  test.each<[string, Range]>([
    ['its range was collapsed by the page', range(connected, 12, 12, true)],
    ['its text left the document', range(detached, 12, 17)],
  ])(
    '%s: the same range no longer counts, only the offsets under an unchanged opening',
    (_label, oldRange) => {
      const gone = { ...old, range: oldRange };
      const built = [
        annotation(8, 'rahmon', 40, oldRange),
        annotation(9, 'rahmon', 12, range(other, 0, 5)),
      ];
      expect(survivorOf(gone, built, { before: TEXT, after: TEXT })?.id ?? null).toBe(9);
      expect(survivorOf(gone, built.slice(0, 1), { before: TEXT, after: TEXT })).toBeUndefined();
    },
  );

  test('no annotation open: none', () => {
    expect(survivorOf(undefined, [old], { before: TEXT, after: TEXT })).toBeUndefined();
  });
});
