import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import { FIELD_NAMES } from '../model/issue.ts';
import { mendTypingSlips } from './typing-slips.ts';

const mend = (yaml: string) => {
  const file = new VFile({ path: 'content/2019/02.md' });
  const mended = mendTypingSlips(file, yaml, FIELD_NAMES);
  return { mended, messages: file.messages.map((m) => `${m.line}:${m.column} ${m.reason}`) };
};

describe('mendTypingSlips', () => {
  it('mends a full-width colon and a Chinese key name, line for line, with one message a line', () => {
    const { mended, messages } = mend('\n期号\uFF1A9\ndate\uFF1A 2019-04-29\n');
    expect(mended).toBe('\nissue: 9\ndate: 2019-04-29\n');
    expect(messages).toEqual([
      '2:1 这一行应写作\u201Cissue: 9\u201D\uFF1A项目名要用英文 issue，不用\u201C期号\u201D\uFF1B冒号要用英文半角\u201C:\u201D，不用中文全角\u201C\uFF1A\u201D',
      '3:5 这一行应写作\u201Cdate: 2019-04-29\u201D\uFF1A冒号要用英文半角\u201C:\u201D，不用中文全角\u201C\uFF1A\u201D',
    ]);
  });

  it('leaves alone what is right: values with full-width colons, comments, list items, unknown keys', () => {
    const yaml = '# 设置:说明\ntitle: 专刊\uFF1A代表工作\ndistribution:\n  - 甲\uFF1A乙\nfoo\uFF1Abar\ncontact: 电话\uFF1A0731\n';
    expect(mend(yaml)).toEqual({ mended: yaml, messages: [] });
  });

  it('mends full-width spaces at the start of a line and after the colon', () => {
    const { mended, messages } = mend('distribution:\n\u3000- 甲\ntitle:\u3000标题');
    expect(mended).toBe('distribution:\n  - 甲\ntitle: 标题');
    expect(messages.map((m) => m.slice(0, 4))).toEqual(['2:1 ', '3:7 ']);
  });
});
