import rehypeRaw from 'rehype-raw';
import rehypeSanitize from 'rehype-sanitize';
import rehypeStringify from 'rehype-stringify';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { bulletinSchema } from './bulletin-schema.ts';
import rehypeTableSpans from './rehype-table-spans.ts';

const render = (markdown: string) =>
  String(
    unified()
      .use(remarkParse)
      .use(remarkRehype, { allowDangerousHtml: true })
      .use(rehypeRaw)
      .use(rehypeSanitize, bulletinSchema)
      .use(rehypeTableSpans)
      .use(rehypeStringify)
      .processSync(markdown),
  );

describe('table spans', () => {
  it('keeps rowspan and colspan on header and body cells', () => {
    const html = render(
      '<table><thead><tr><th rowspan="2">地区</th><th colspan="2">人数</th></tr><tr><th>男</th><th>女</th></tr></thead><tbody><tr><td>甲</td><td>1</td><td>2</td></tr></tbody></table>',
    );
    expect(html).toContain('<th rowspan="2">地区</th>');
    expect(html).toContain('<th colspan="2">人数</th>');
  });

  it('cuts a large span to 100 and drops one that is not a whole number', () => {
    const html = render('<table><tbody><tr><td rowspan="100000">甲</td><td colspan="x">乙</td><td colspan="0">丙</td></tr></tbody></table>');
    expect(html).toContain('<td rowspan="100">甲</td>');
    expect(html).toContain('<td>乙</td>');
    expect(html).toContain('<td>丙</td>');
  });

  it('drops spans outside table cells', () => {
    expect(render('<p><span colspan="3">字</span></p>')).toBe('<p><span>字</span></p>');
  });
});

describe('HTML table cells against the limit', () => {
  it('counts each cell with its spans', async () => {
    const { checkTableCells } = await import('../markdown-limits.ts');
    expect(checkTableCells('<table><tr><td>甲</td><td colspan="2">乙</td></tr></table>')).toBeUndefined();
    const row = '<tr><td rowspan="100" colspan="100">甲</td></tr>\n';
    expect(checkTableCells(`<table>\n${row.repeat(1000)}</table>`)?.place.line).toBeGreaterThan(1);
  });
});
