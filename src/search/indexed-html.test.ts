import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fromHtml } from 'hast-util-from-html';
import rehypeStringify from 'rehype-stringify';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { MINIMAL_SITE } from '../../test/site.ts';
import { renderIssueFile } from '../markdown/render-issue-file.ts';
import { indexedHtml, indexedHtmlFromHtml, keepIndexedHtml } from './indexed-html.ts';

/** An issue of the tests' sample site (never the project's own content/). */
const SAMPLE = path.resolve(import.meta.dirname, '../../test/fixtures/sample/content/2019/09.md');

/** The article's body as indexed, from HTML written as the page writes it (hast-util-to-html). */
const html = (source: string) =>
  indexedHtmlFromHtml(
    unified()
      .use(rehypeStringify)
      .stringify(fromHtml(source, { fragment: true })),
  );

describe('an article as the indexer reads it', () => {
  it('separates Han characters in text, not in attributes or Latin words', () => {
    expect(html('<p class="中文">重建危桥 2019年 abc</p>')).toBe('<p class="中文">重\u200B建\u200B危\u200B桥 2019年 abc </p>');
  });

  it('ends every block with a space, so that an excerpt does not join it to the next', () => {
    expect(html('<h2>小标题</h2><ul><li>一</li></ul><table><tr><td>甲</td></tr></table>')).toBe(
      '<h2>小\u200B标\u200B题 </h2><ul><li>一 </li></ul><table><tbody><tr><td>甲 </td></tr></tbody></table>',
    );
  });

  it('leaves inline elements and what is not text as they are', () => {
    expect(html('<p>重建<span>危桥</span><img src="a.png" alt="图片说明"></p>')).toBe(
      '<p>重\u200B建<span>危\u200B桥</span><img src="a.png" alt="图片说明"> </p>',
    );
  });

  it('reads a tag whole when an attribute holds > or a quote, and a text holding <', () => {
    expect(html('<p>重建<img alt="a>b 图片&quot;说明" src="a.png">，&lt;危桥&gt;</p>')).toBe(
      '<p>重\u200B建<img alt="a>b 图片&#x22;说明" src="a.png">，&#x3C;危\u200B桥> </p>',
    );
  });

  it('takes the body kept when the article was rendered, and makes it from the HTML of one read back from the cache', () => {
    const page = '<h2>小标题</h2><p>重建<strong>危桥</strong>，<a href="https://example.org/?a=1&#x26;b=2">见</a></p>';
    const rendered = { id: 'article-1', column: '调研报告', title: null, label: '', html: page };
    keepIndexedHtml(rendered, '<p>kept</p>');
    expect(indexedHtml(rendered)).toBe('<p>kept</p>');
    expect(indexedHtml({ ...rendered })).toBe(
      '<h2>小\u200B标\u200B题 </h2><p>重\u200B建<strong>危\u200B桥</strong>，<a href="https://example.org/?a=1&#x26;b=2">见</a> </p>',
    );
  });

  it('spaces the texts a tag the page does not keep left side by side, and reads no comment (the page keeps none)', async () => {
    const text = (await readFile(SAMPLE, 'utf8')).replace(/\n*$/, '\n\n重<u>建</u>危桥<!-- 注释 "未闭合的引号 -->，<font color="red">修缮</font>。\n');
    const made = renderIssueFile({ path: 'content/2019/09.md', cwd: path.dirname(path.dirname(path.dirname(SAMPLE))), value: text }, MINIMAL_SITE);
    const i = made.articles!.findIndex((article) => article.html.includes('修缮'));
    expect(made.articles![i]!.html).not.toContain('<!--');
    expect(made.articles![i]!.html).toContain('重建危桥，修缮。');
    expect(made.indexed![i]).toContain('重\u200B建\u200B危\u200B桥，修\u200B缮。');
  });
});
