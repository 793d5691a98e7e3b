import rehypeRaw from 'rehype-raw';
import rehypeStringify from 'rehype-stringify';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import rehypeRawWhenPresent from './rehype-raw-when-present.ts';

const render = (markdown: string, raw: typeof rehypeRaw | typeof rehypeRawWhenPresent) =>
  String(unified().use(remarkParse).use(remarkGfm).use(remarkRehype, { allowDangerousHtml: true }).use(raw).use(rehypeStringify).processSync(markdown));

const WITHOUT_RAW = [
  '# 一、基本情况\n\n（一）主要领导率先垂范。各地坚持……\n\n1. 第一项\n2. 第二项\n\n> 引用 *强调* **加粗** `代码`',
  '| 项目 | 2018年 |\n| --- | ---: |\n| 代表 | 12 |\n\n正文。',
  '![危桥改造](图.jpg "标题") <https://example.gov.cn/> &amp; &lt;不是标签&gt; &copy;\n\n---\n\n行末两个空格  \n换行',
];

describe('rehype-raw when raw HTML is present', () => {
  it.each(WITHOUT_RAW)('leaves a tree without raw HTML as rehype-raw makes it: %#', (markdown) => {
    expect(render(markdown, rehypeRawWhenPresent)).toBe(render(markdown, rehypeRaw));
  });

  it('writes a footnote reference’s empty attribute without its ="" (the same HTML)', () => {
    const markdown = '正文[^1]。\n\n[^1]: 注释的内容。';
    const withRaw = render(markdown, rehypeRaw);
    expect(withRaw).toContain('data-footnote-ref=""');
    expect(render(markdown, rehypeRawWhenPresent)).toBe(
      withRaw.replace('data-footnote-ref=""', 'data-footnote-ref').replace('data-footnotes=""', 'data-footnotes'),
    );
  });

  it('reparses raw HTML as rehype-raw does', () => {
    const markdown = '段落<span class="x">内联</span>\n\n<div><p>块</p></div>\n\n<img src="a.png">';
    expect(render(markdown, rehypeRawWhenPresent)).toBe(render(markdown, rehypeRaw));
    expect(render(markdown, rehypeRawWhenPresent)).toContain('<span class="x">内联</span>');
  });
});
