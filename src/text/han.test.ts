import { describe, expect, it } from 'vitest';
// @ts-expect-error: a browser module without types, tested as it ships
import { HAN as BROWSER_HAN } from '../../templates/assets/search-core.js';
import { CHINESE_PUNCTUATION, HAN } from './han.ts';

const han = new RegExp(`^[${HAN}]$`, 'u');

describe('HAN', () => {
  it('holds the ideographs of Chinese text, rare ones of names too, and none of its punctuation', () => {
    expect([...'行〇々𫖯'].every((c) => han.test(c))).toBe(true);
    expect([...'，。、（）“”A1'].some((c) => han.test(c))).toBe(false);
    expect([...'，。、（）“”\u3000'].every((c) => new RegExp(`[${CHINESE_PUNCTUATION}]`, 'u').test(c))).toBe(true);
  });

  it('is the class that the search page spaces the reader\u2019s query by, on every code point', () => {
    const differing: string[] = [];
    for (let point = 0; point <= 0x10ffff; point++) {
      if (point >= 0xd800 && point <= 0xdfff) continue;
      const char = String.fromCodePoint(point);
      if (han.test(char) !== BROWSER_HAN.test(char)) differing.push(point.toString(16));
    }
    expect(differing).toEqual([]);
  });
});
