import { describe, expect, it } from 'vitest';
import { keepNumbersWhole } from './keep-numbers.ts';

describe('keepNumbersWhole', () => {
  it('keeps each number and address, with the signs inside it, in one unbreakable span', () => {
    expect(keepNumbersWhole('0731—85309270 hnrddt@163.com')).toBe('<span class="nowrap">0731—85309270</span> <span class="nowrap">hnrddt@163.com</span>');
    expect(keepNumbersWhole('湘公网安备 43010202000123号')).toBe('湘公网安备 <span class="nowrap">43010202000123号</span>');
    expect(keepNumbersWhole('电子邮箱 lldt@example.org')).toBe('电子邮箱 <span class="nowrap">lldt@example.org</span>');
    expect(keepNumbersWhole('湘ICP备12345678号-1')).toBe('湘ICP备<span class="nowrap">12345678号-1</span>');
  });

  it('leaves Han text and its punctuation breakable, and escapes the rest', () => {
    expect(keepNumbersWhole('电话\uFF1A0731-85309270\uFF0C传真<无>')).toBe('电话\uFF1A<span class="nowrap">0731-85309270</span>\uFF0C传真&lt;无&gt;');
    expect(keepNumbersWhole('湖南省人大常委会')).toBe('湖南省人大常委会');
  });
});
