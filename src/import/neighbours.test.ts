import { describe, expect, it } from 'vitest';
import { textOf } from '../messages/catalogue.ts';
import { checkNeighbours, type Placed } from './neighbours.ts';

const at = (target: string, issue: number, total: number | undefined, date: string, imported = false): Placed => ({ target, issue, total, date, imported });

describe('期号 and 总期号 against the neighbours', () => {
  it('says nothing of issues that agree, with a gap or across a year', () => {
    expect(checkNeighbours([at('a', 11, 573, '2018-12-10'), at('b', 1, 575, '2019-01-10', true), at('c', 4, 578, '2019-02-20', true)])).toEqual([]);
  });

  it('points at the imported one of two that disagree, and at a missing 总期号 with the one to fill in', () => {
    const found = checkNeighbours([at('old', 8, 582, '2019-04-15'), at('new', 9, 590, '2019-04-29', true), at('next', 11, undefined, '2019-05-30', true)]);
    expect(found.map((f) => [f.target, f.field])).toEqual([
      ['new', 'total'],
      ['next', 'total'],
    ]);
    expect(textOf(found[0]!.check, undefined)).toContain('期号相差 1，总期号却相差 8');
    expect(textOf(found[1]!.check, undefined)).toContain('推算应为总第592期');
  });

  it('finds an 期号 that does not grow with the date', () => {
    const [found] = checkNeighbours([at('old', 8, 582, '2019-04-15'), at('new', 7, 583, '2019-04-29', true)]);
    expect(found).toMatchObject({ target: 'new', field: 'issue' });
  });
});
