import { describe, expect, it } from 'vitest';
import { clipText, wordBreaks, zeroWidthBreaks } from './word-breaks.ts';

const TITLE = '关于全省市县乡人大代表中的党政领导干部参加代表小组活动、走进代表联系群众工作平台情况的调研报告';

/** The pieces a text may break into. */
const pieces = (text: string) => wordBreaks(text).split('<wbr>');

describe('word breaks', () => {
  it('breaks a title between words only, and never inside a term of the bulletin', () => {
    const parts = pieces(TITLE);
    expect(parts.join('')).toBe(TITLE);
    for (const word of ['党政领导干部', '代表小组', '代表联系群众', '工作平台', '调研报告']) {
      expect(
        parts.some((part) => part.includes(word)),
        word,
      ).toBe(true);
    }
    // Where the printed issue breaks it: after 干部 and after 群众.
    expect(wordBreaks(TITLE)).toContain('干部<wbr>参加');
    expect(wordBreaks(TITLE)).toContain('群众<wbr>工作');
  });

  it('never breaks beside a character ICU left alone, after a number, or inside a date', () => {
    expect(pieces('省人大常委会联工委召开2018年度代表工作座谈会')).toEqual(['省人大常委会联工委', '召开', '2018年度', '代表', '工作', '座谈会']);
    expect(pieces('2019年3月11日，郴州市五届人大常委会第三十五次主任会议')).toContainEqual(expect.stringContaining('2019年3月11日'));
    expect(pieces('湘党简准字〔2000〕第28号')).toEqual(['湘党简准字〔2000〕第28号']);
  });

  it('escapes the text it marks', () => {
    expect(wordBreaks('<b>参加活动')).toBe('&lt;b&gt;参加<wbr>活动');
    expect(zeroWidthBreaks('参加活动')).toBe('参加\u200B活动');
  });
});

describe('clipping a text', () => {
  it('keeps a short text whole', () => {
    expect(clipText('快讯：危桥改造', 24)).toBe('快讯：危桥改造');
  });

  it('cuts between words and ends with an ellipsis', () => {
    expect(clipText('快讯：2019年3月11日，郴州市五届人大常委会第三十五次主任会议研究', 24)).toBe('快讯：2019年3月11日，郴州市五届……');
    expect(clipText('快讯：（示例内容）5月20日，娄底市人大常委会组织市人大代表视察农村公路建设情况', 31)).toBe(
      '快讯：（示例内容）5月20日，娄底市人大常委会组织市人大代表……',
    );
  });

  it('lets a comma give way to the ellipsis, and keeps a full stop without one', () => {
    expect(clipText('现将有关情况报告如下\uFF0C请各地认真研究', 11)).toBe('现将有关情况报告如下……');
    expect(clipText('现将有关情况报告如下\u3002请各地认真研究', 11)).toBe('现将有关情况报告如下\u3002');
  });
});
