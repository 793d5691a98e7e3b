import { describe, expect, it } from 'vitest';
import { HAN } from '../text/han.ts';
import {
  CATALOGUE,
  type CatalogueEntry,
  CONTENT,
  type ContentEntry,
  DEV_ANSWERS,
  HARDENED,
  hintOf,
  IMPORT_NEIGHBOURS,
  type Neighbour,
  OUTPUT_FOLDER,
} from './catalogue.ts';
import { Failure, originalText } from './failure.ts';
import { FIELD_RULES, ISSUE_FIELDS, SITE_FIELDS } from './fields.ts';
import { READING, YAML_PROBLEMS } from './reading.ts';

/** Any values an entry asks for: a list of one, which reads as its one item. */
const values = new Proxy({}, { get: () => ['甲'] });
/** The values of the entries that name another issue. */
const neighbour: Neighbour = { target: 'content/2019/09.md', date: '2019-04-29', issue: 9, total: 583 };
const entries = Object.values(CATALOGUE) as CatalogueEntry<unknown>[];
const checks = [
  ...Object.values(READING),
  ...Object.values(YAML_PROBLEMS),
  ...Object.values(CONTENT),
  ...Object.values(HARDENED),
  ...Object.values(OUTPUT_FOLDER),
] as ContentEntry<unknown>[];
const neighbourChecks = Object.values(IMPORT_NEIGHBOURS) as ContentEntry<unknown>[];

/** Every text of the fields' entries, each function of them given a value. */
function fieldTexts(texts: object): [string, string][] {
  return Object.entries(texts).flatMap(([key, said]): [string, string][] => {
    if (typeof said === 'string') return [[key, said]];
    if (typeof said === 'function') return [[key, String(said(Object.assign(new String('甲'), { code: '甲', province: '甲', region: '甲' })))]];
    return fieldTexts(said as object).map(([inner, text]) => [`${key}.${inner}`, text]);
  });
}
const hasHan = new RegExp(`[${HAN}]`, 'u');

describe('the catalogue of messages', () => {
  it('gives each failure a rule id of its own, and each content rule one title, listed once', () => {
    const rules = entries.map((e) => e.rule);
    expect(new Set(rules).size).toBe(rules.length);
    const titles = new Map<string, string>();
    for (const { rule, title } of [...checks, ...neighbourChecks, ...Object.values(FIELD_RULES)]) {
      expect(titles.get(rule) ?? title, rule).toBe(title);
      titles.set(rule, title);
    }
    const all = [...rules, ...titles.keys()];
    expect(new Set(all).size).toBe(all.length);
    for (const rule of all) expect(rule).toMatch(/^[a-z]+(-[a-z]+)*$/);
  });

  it('says every title, message and hint in Chinese', () => {
    for (const entry of [...entries, ...checks]) {
      const hint = typeof entry.hint === 'function' ? entry.hint(values) : entry.hint;
      for (const text of [entry.title, entry.message(values), hint]) expect(String(text), entry.rule).toMatch(hasHan);
    }
    for (const entry of neighbourChecks) {
      const params = { issue: 9, total: 583, other: neighbour, before: neighbour, issueStep: 1, totalStep: 2 };
      for (const text of [entry.title, entry.message(params), hintOf(entry, params)]) expect(text, entry.rule).toMatch(hasHan);
    }
    for (const { rule, title } of Object.values(FIELD_RULES)) expect(title, rule).toMatch(hasHan);
    for (const [field, text] of [...fieldTexts(ISSUE_FIELDS), ...fieldTexts(SITE_FIELDS)]) expect(text, field).toMatch(hasHan);
    for (const answer of Object.values(DEV_ANSWERS)) expect(answer).toMatch(hasHan);
  });
});

describe('a failure', () => {
  it('is shown as what happened [rule], what to do, and the first lines of the tool’s own words, without a stack trace', () => {
    const thrown = new Error('page.goto: Target page, context or browser has been closed\nCall log:\n  - navigating to "http://bulletin.invalid/"');
    const text = Failure.of(CATALOGUE.chromiumCrashed, { work: '2019年第9期' }, thrown).format();
    expect(text.split('\n')[0]).toBe(
      '错误\uFF1A印制2019年第9期的 PDF 时，Chromium 浏览器意外退出：多半是内存不足，或浏览器被系统或别的程序结束了 [bulletin:pdf-crashed]',
    );
    expect(text).toContain('\n  原始信息\uFF1Apage.goto: Target page, context or browser has been closed');
    expect(text).not.toContain('Call log');
    expect(text).not.toMatch(/\n\s+at /);
  });

  it('keeps of an error only its message', () => {
    const error = new TypeError('boom');
    expect(originalText(error)).toBe('boom');
    expect(originalText('line 1\n    at x (y.js:1:1)\nline 2')).toBe('line 1\nline 2');
  });
});
