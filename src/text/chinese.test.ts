import { describe, expect, it } from 'vitest';
import { chineseDate, chineseNumber, isCalendarDate, meantDate, meantNumber, padName } from './chinese.ts';

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

  it('reads a date as an editor may have typed it, when it is a real day', () => {
    for (const written of ['2019-5-27', '2019.5.27', '2019/05/27', '2019年5月27日', '２０１９－０５－２７', '2019 年 5 月 27 日']) {
      expect(meantDate(written), written).toBe('2019-05-27');
    }
    expect(meantDate('2019-2-30')).toBeUndefined();
    expect(meantDate('5月27日')).toBeUndefined();
  });

  it('reads a whole number as an editor may have typed it', () => {
    expect(meantNumber('１０')).toBe(10);
    expect(meantNumber('第10期')).toBe(10);
    expect(meantNumber('五百八十四')).toBe(584);
    expect(meantNumber('第十期')).toBe(10);
    expect(meantNumber('十期左右')).toBeUndefined();
    expect(meantNumber(9.5)).toBeUndefined();
  });
});
