import { fromHtml } from 'hast-util-from-html';
import rehypeStringify from 'rehype-stringify';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { indexedHtml, indexedHtmlOf, keepIndexedHtml, treeForIndex } from './indexed-html.ts';

const html = (source: string) => {
  const tree = fromHtml(source, { fragment: true });
  const before = JSON.stringify(tree);
  const indexed = unified().use(rehypeStringify).stringify(treeForIndex(tree));
  expect(JSON.stringify(tree), 'the page’s own tree is left as it was').toBe(before);
  return indexed;
};

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

  it('makes the same body from an article read back from the cache as from its tree when rendered', () => {
    const page = '<h2>小标题</h2><p>重建<strong>危桥</strong>，<a href="https://example.org/?a=1&#x26;b=2">见</a><img src="a.png" alt="a>b 图"></p>';
    const tree = fromHtml(page, { fragment: true });
    const html = unified().use(rehypeStringify).stringify(tree);
    const rendered = { id: 'article-1', column: '调研报告', title: null, label: '', html };
    keepIndexedHtml(rendered, indexedHtmlOf(tree));
    const read = { ...rendered };
    expect(indexedHtml(read)).toBe(indexedHtml(rendered));
    expect(indexedHtml(read)).toContain('alt="a>b 图"');
  });
});
