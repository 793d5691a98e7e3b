import { describe, expect, it } from 'vitest';
import { chineseDate, chineseNumber, isCalendarDate, padName } from './chinese.ts';

describe('chinese formatting', () => {
  it('writes 总期号 in Chinese numerals', () => {
    expect(chineseNumber(583)).toBe('五百八十三');
    expect(chineseNumber(15)).toBe('十五');
    expect(chineseNumber(1005)).toBe('一千零五');
  });
  it('writes dates without leading zeros', () => {
    expect(chineseDate('2019-04-29')).toBe('2019年4月29日');
  });
  it('pads two-character names', () => {
    expect(padName('石韧')).toBe('石\u3000韧');
    expect(padName('吴静波')).toBe('吴静波');
  });
  it('rejects impossible dates', () => {
    expect(isCalendarDate('2019-04-29')).toBe(true);
    expect(isCalendarDate('2019-13-45')).toBe(false);
    expect(isCalendarDate('2019-02-29')).toBe(false);
    expect(isCalendarDate('2020-02-29')).toBe(true);
    expect(isCalendarDate('2019-4-29')).toBe(false);
  });
});
