/** How many a phrase says: digits, words, ranges and vague quantities. */
import { describe, expect, test } from 'vitest';
import { parseQuantity, readQuantityAt } from '../../core/numbers';

describe('parseQuantity', () => {
  test.each([
    ['eight', 8, 8, false],
    ['Thirteen', 13, 13, false],
    ['twenty-one', 21, 21, false],
    ['twenty one', 21, 21, false],
    ['ninety', 90, 90, false],
    ['two hundred', 200, 200, false],
    ['two hundred and fifty', 250, 250, false],
    ['three thousand', 3000, 3000, false],
    ['13', 13, 13, false],
    ['150,000', 150000, 150000, false],
    ['1,340', 1340, 1340, false],
    ['1.5 million', 1500000, 1500000, false],
    ['8 million', 8000000, 8000000, false],
    ['10-15', 10, 15, false],
    ['10 to 15', 10, 15, false],
    ['between 10 and 15', 10, 15, false],
    ['a dozen', 12, 12, false],
    ['half a dozen', 6, 6, false],
    ['two dozen', 24, 24, false],
    ['a hundred', 100, 100, false],
    ['a thousand', 1000, 1000, false],
    ['a couple', 2, 3, true],
    ['a few', 2, 5, true],
    ['several', 3, 9, true],
    ['dozens', 24, 99, true],
    ['scores', 40, 99, true],
    ['hundreds', 200, 999, true],
    ['thousands', 2000, 9999, true],
    ['tens of thousands', 20000, 99999, true],
    ['Tens of thousands', 20000, 99999, true],
    ['hundreds of thousands', 200000, 999999, true],
  ])('%s -> %i-%i (vague %s)', (phrase, low, high, vague) => {
    expect(parseQuantity(phrase)).toEqual({ low, high, vague });
  });

  test.each([
    ['2014'],
    ['1992-97'],
    ['1992-1995'],
    ['between 1992 and 1997'],
    ['45-year-old'],
    ['1,340-km'],
    ['1.5'],
    ['15-10'],
    ['2nd'],
    ['first'],
    ['many'],
    ['eight policemen'],
    [''],
  ])('%s is not a quantity', (phrase) => {
    expect(parseQuantity(phrase)).toBeNull();
  });
});

describe('readQuantityAt', () => {
  test.each([
    [
      ['killed', 'tens', 'of', 'thousands', '.'],
      1,
      { low: 20000, high: 99999, vague: true, next: 4 },
    ],
    [['nine', 'of', 'the', 'troops'], 0, { low: 9, high: 9, vague: false, next: 1 }],
    [['at', 'least', '8', 'million'], 2, { low: 8000000, high: 8000000, vague: false, next: 4 }],
    [['killed', 'two', 'gunmen'], 0, null],
  ])('%j at %i', (words, at, expected) => {
    expect(readQuantityAt(words, at)).toEqual(expected);
  });
});
