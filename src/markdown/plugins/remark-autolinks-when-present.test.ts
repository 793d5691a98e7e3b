import { gfmAutolinkLiteralFromMarkdown } from 'mdast-util-gfm-autolink-literal';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import remarkAutolinksWhenPresent from './remark-autolinks-when-present.ts';

const plain = unified().use(remarkParse).use(remarkGfm).freeze();
const guarded = unified().use(remarkParse).use(remarkGfm).use(remarkAutolinksWhenPresent).freeze();

const TEXTS = [
  '省人大常委会联工委调研组赴怀化市调研。',
  '详见 www.hnrd.gov.cn 网站，或发邮件至 lgw@hnrd.gov.cn 联系。',
  '网址：HTTPS://WWW.NPC.GOV.CN/npc/c30834/ 与 Www.Example.cn。',
  '来信请寄 mailto:a@b.cn，或 xmpp:name@chat.example.cn/家。',
  '[链接](https://example.cn) 与 <https://example.cn> 之外，http://例子.中国 也是。',
  '| 表 | 格 |\n| --- | --- |\n| www.x.cn | 甲 |\n\n**粗体 https://x.cn**',
];

describe('links of bare addresses, searched for only when a text may hold one', () => {
  it.each(TEXTS)('gives the tree remark-gfm gives: %s', (text) => {
    expect(guarded.parse(text)).toEqual(plain.parse(text));
  });

  it('stands in for the search of remark-gfm (the same package, one copy)', () => {
    const transforms = (processor: typeof plain) =>
      (processor.data().fromMarkdownExtensions ?? []).flat().flatMap((extension) => (extension as { transforms?: unknown[] }).transforms ?? []);
    const search = gfmAutolinkLiteralFromMarkdown().transforms![0];
    expect(transforms(plain)).toContain(search);
    expect(transforms(guarded)).not.toContain(search);
    expect(transforms(guarded)).toHaveLength(transforms(plain).length);
  });

  it('still makes links of bare addresses', () => {
    const tree = JSON.stringify(guarded.parse(TEXTS[1]!));
    expect(tree).toContain('"url":"http://www.hnrd.gov.cn"');
    expect(tree).toContain('"url":"mailto:lgw@hnrd.gov.cn"');
  });
});
