import { suppress } from './suppression';

describe('statistics suppression', () => {
  it.each([
    [0, 0],
    [1, '<5'],
    [4, '<5'],
    [5, 5],
    [1234, 1234],
  ])('%d is shown as %s', (count, shown) => expect(suppress(count)).toBe(shown));
});
