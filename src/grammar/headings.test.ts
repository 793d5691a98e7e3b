import { describe, expect, it } from 'vitest';
import { headingLevel, isStandaloneHeading, runInHeadingEnd } from './headings.ts';

describe('headingLevel', () => {
  it('knows the four numbering levels, with half- and full-width brackets and stops', () => {
    expect(headingLevel('一、基本情况')).toBe(1);
    expect(headingLevel('(二)保障措施')).toBe(2);
    expect(headingLevel('\uFF08二\uFF09保障措施')).toBe(2);
    expect(headingLevel('3\uFF0E经费')).toBe(3);
    expect(headingLevel('3.经费')).toBe(3);
    expect(headingLevel('\uFF084\uFF09其他')).toBe(4);
    expect(headingLevel('(4)其他')).toBe(4);
  });

  it('does not take a numbered phrase or a figure for a heading', () => {
    expect(headingLevel('一是深化思想认识。')).toBeUndefined();
    expect(headingLevel('2018年,共有25名')).toBeUndefined();
    expect(headingLevel('1.5亿元')).toBeUndefined();
  });
});

describe('isStandaloneHeading', () => {
  it('takes a short numbered paragraph without a sentence break, a final full stop allowed', () => {
    expect(isStandaloneHeading('一、基本情况')).toBe(true);
    expect(isStandaloneHeading('\uFF08一\uFF09主要做法。')).toBe(true);
    expect(isStandaloneHeading('基本情况')).toBe(false);
  });

  it('leaves a paragraph that goes on past its first sentence, at every level, and a long one', () => {
    expect(isStandaloneHeading('一、加强领导。各地要抓好。')).toBe(false);
    expect(isStandaloneHeading('\uFF08二\uFF09制度保障\uFF1B组织保障')).toBe(false);
    expect(isStandaloneHeading(`1.${'长'.repeat(40)}`)).toBe(false);
  });
});

describe('runInHeadingEnd', () => {
  it('ends after the first sentence, or after the number when the sentence is too long', () => {
    expect(runInHeadingEnd('\uFF08一\uFF09主要领导率先垂范。各地坚持抓好。')).toBe('\uFF08一\uFF09主要领导率先垂范。'.length);
    expect(runInHeadingEnd(`(1)${'长'.repeat(70)}。`)).toBe(3);
  });
});
