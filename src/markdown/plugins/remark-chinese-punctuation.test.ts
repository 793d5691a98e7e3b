import { describe, expect, it } from 'vitest';
import { setChinesePunctuation } from './remark-chinese-punctuation.ts';

// Full-width marks are written as escapes so that no editor or tool can silently swap them.
const COMMA = '\uFF0C';
const COLON = '\uFF1A';
const SEMICOLON = '\uFF1B';
const [OPEN, CLOSE] = ['\uFF08', '\uFF09'];

describe('setChinesePunctuation', () => {
  it('makes half-width marks beside Chinese full-width', () => {
    expect(setChinesePunctuation('情况,3月份以来,省人大')).toBe(`情况${COMMA}3月份以来${COMMA}省人大`);
    expect(setChinesePunctuation('介绍;同时')).toBe(`介绍${SEMICOLON}同时`);
    expect(setChinesePunctuation('(调研组人员:符乔荫 段成钢)')).toBe(`${OPEN}调研组人员${COLON}符乔荫 段成钢${CLOSE}`);
    expect(setChinesePunctuation('(一)主要领导率先垂范。')).toBe(`${OPEN}一${CLOSE}主要领导率先垂范。`);
    expect(setChinesePunctuation('督办。(1)建立清单。(2)实行')).toBe(`督办。${OPEN}1${CLOSE}建立清单。${OPEN}2${CLOSE}实行`);
    expect(setChinesePunctuation('(1)建立清单')).toBe(`${OPEN}1${CLOSE}建立清单`);
  });
  it('keeps marks that are full-width already', () => {
    const text = `作日${COMMA}党政领导干部${OPEN}街道${CLOSE}`;
    expect(setChinesePunctuation(text)).toBe(text);
  });
  it('leaves Latin text, numbers and addresses alone', () => {
    expect(setChinesePunctuation('1,600 (a) https://x.cn:80')).toBe('1,600 (a) https://x.cn:80');
    expect(setChinesePunctuation('0731—85309270 hnrddt@163.com')).toBe('0731—85309270 hnrddt@163.com');
  });
});
