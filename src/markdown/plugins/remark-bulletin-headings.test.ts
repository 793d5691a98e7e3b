import rehypeStringify from 'rehype-stringify';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import remarkBulletinHeadings from './remark-bulletin-headings.ts';

const render = (markdown: string) =>
  String(unified().use(remarkParse).use(remarkBulletinHeadings).use(remarkRehype).use(rehypeStringify).processSync(markdown));

describe('remarkBulletinHeadings', () => {
  it('makes a short numbered paragraph a heading of its level', () => {
    expect(render('一、基本情况')).toBe('<h3 class="h-1">一、基本情况</h3>');
    expect(render('(三)主要问题')).toBe('<h4 class="h-2">(三)主要问题</h4>');
    expect(render('\uFF08三\uFF09主要问题')).toBe('<h4 class="h-2">\uFF08三\uFF09主要问题</h4>');
  });
  it('keeps a long numbered paragraph as a paragraph with a run-in heading', () => {
    expect(render('\uFF08二\uFF09保障措施逐步完善。一是制度保障\uFF1B二是组织保障。')).toBe(
      '<p><span class="run-in h-2">\uFF08二\uFF09保障措施逐步完善。</span>一是制度保障\uFF1B二是组织保障。</p>',
    );
  });
  it('marks the opening sentence of a numbered paragraph as a run-in heading', () => {
    expect(render('(一)主要领导率先垂范。各地坚持抓好。')).toBe('<p><span class="run-in h-2">(一)主要领导率先垂范。</span>各地坚持抓好。</p>');
  });
  it('levels Markdown headings by their numbering, else by depth', () => {
    expect(render('## 二、主要成效')).toBe('<h3 class="h-1">二、主要成效</h3>');
    expect(render('### 工作要求')).toBe('<h4 class="h-2">工作要求</h4>');
  });
});
