import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import { reportError, reportWarning } from './messages.ts';
import { formatReport, printable } from './report.ts';

describe('the report', () => {
  it('gives every message a place: a problem of the whole file stands at 1:1', () => {
    const file = new VFile({ path: 'content/2019/09.md' });
    reportError(file, '文件是空的', 'empty-file');
    reportWarning(file, '这个文件不会发布', 'not-markdown');
    expect(formatReport([file]).split('\n').slice(0, 2)).toEqual([
      'content/2019/09.md:1:1: 错误\uFF1A文件是空的 [bulletin:empty-file]',
      'content/2019/09.md:1:1: 警告\uFF1A这个文件不会发布 [bulletin:not-markdown]',
    ]);
  });

  it.each([
    ['a newline', 'a\nb', 'a\\nb'],
    ['a carriage return', 'a\rb', 'a\\rb'],
    ['a tab', 'a\tb', 'a\\tb'],
    ['NUL', 'a\0b', 'a\\u0000b'],
    ['an escape sequence', 'a\u001b[2Jb', 'a\\u001B[2Jb'],
    ['DEL and C1 controls', 'a\u007f\u0085\u009bb', 'a\\u007F\\u0085\\u009Bb'],
    ['line and paragraph separators', 'a\u2028\u2029b', 'a\\u2028\\u2029b'],
    ['bidirectional controls', 'a\u202e\u2066\u200fb', 'a\\u202E\\u2066\\u200Fb'],
    ['Chinese, full-width punctuation and emoji', '第九期\uFF1A会议\u3000😀', '第九期\uFF1A会议\u3000😀'],
  ])('shows %s in a file name as an escape', (_, name, shown) => {
    expect(printable(name)).toBe(shown);
    const file = new VFile({ path: `content/2019/${name}.md` });
    reportError(file, '原因', 'rule');
    expect(formatReport([file]).split('\n')[0]).toBe(`content/2019/${shown}.md:1:1: 错误\uFF1A原因 [bulletin:rule]`);
  });

  it('keeps a reason\u2019s own line breaks, every further line indented, so none can pass for a message', () => {
    const file = new VFile({ path: 'content/site.yml' });
    reportError(file, `不认识的项目 a\ncontent/2019/01.md:1:1: 错误\uFF1A伪造\n\n共 0 个错误，0 个警告。`, 'unknown-key', { line: 3, column: 1 });
    reportError(file, '应为列表，例如\n  - 甲单位', 'invalid-field', { line: 4, column: 1 });
    expect(formatReport([file])).toBe(
      [
        'content/site.yml:3:1: 错误\uFF1A不认识的项目 a',
        '  content/2019/01.md:1:1: 错误\uFF1A伪造',
        '',
        '  共 0 个错误，0 个警告。 [bulletin:unknown-key]',
        'content/site.yml:4:1: 错误\uFF1A应为列表，例如',
        '  - 甲单位 [bulletin:invalid-field]',
        '',
        '共 2 个错误，0 个警告。',
      ].join('\n'),
    );
  });
});
