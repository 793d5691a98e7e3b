// Issue 11, item 8: characters XML 1.0 forbids (C0 controls but tab, LF and CR; U+FFFE, U+FFFF;
// lone surrogates) never reach feed.xml, sitemap.xml or a page, however they come in: typed
// into the file, made by a YAML escape or by an HTML character reference. Each is warned about
// at its place, and the site is still published.
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatReport } from '../../src/report.ts';
import { build } from '../build.ts';
import { makeSite, TEMPLATES_DIR } from '../site.ts';
import { renderBody } from './render.ts';

/** Forbidden characters, as themselves or as character references (&#1; &#x1F; &#xFFFE;). */
function forbiddenIn(text: string): string[] {
  const found = [...text.matchAll(/[\0-\x08\x0B\x0C\x0E-\x1F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g)].map(
    (m) => m[0],
  );
  for (const [reference, hex, decimal] of text.matchAll(/&#(?:x([0-9a-f]+)|(\d+));/gi)) {
    const code = hex ? parseInt(hex, 16) : Number(decimal);
    if ((code < 0x20 && ![9, 10, 13].includes(code)) || code === 0xfffe || code === 0xffff || (code >= 0xd800 && code <= 0xdfff)) found.push(reference);
  }
  return found;
}

const ISSUE = [
  '---',
  'issue: 2',
  'total: 576',
  'date: 2019-02-10',
  'title: "专刊\\f第二期\\x01"',
  'distribution:',
  '  - 甲单位\u000B',
  '  - "乙单位\\uFFFF"',
  '---',
  '',
  '# 标题\u000C一',
  '',
  '正文\u0001一\u0008二\u001B三，\uFFFE\uFFFF四。',
  '',
  '<span title="&#1;提示">&#12;文字&#x1F;</span>',
  '',
  'Markdown 的字符引用 &#1; 与 &#xFFFF; 由解析器换成 U+FFFD。',
  '',
].join('\n');

const WARNINGS = [
  'content/2019/02.md:5:8: 警告\uFF1A这里有 2 个看不见的字符，第一个是 U+000C（换页符），订阅源 feed.xml 等 XML 文件不允许它，生成时已删去\uFF1A它是由转义写法（如 \\f、\\u0001 或 &#1;）得到的，请删去这个转义 [bulletin:control-character]',
  'content/2019/02.md:7:8: 警告\uFF1A这里有一个看不见的字符 U+000B（垂直制表符），订阅源 feed.xml 等 XML 文件不允许它，生成时已删去\uFF1A它多半是从 Word 或网页复制时带来的，请在编辑器中删去 [bulletin:control-character]',
  'content/2019/02.md:8:5: 警告\uFF1A这里有一个看不见的字符 U+FFFF（非字符），订阅源 feed.xml 等 XML 文件不允许它，生成时已删去\uFF1A它是由转义写法（如 \\f、\\u0001 或 &#1;）得到的，请删去这个转义 [bulletin:control-character]',
  'content/2019/02.md:11:5: 警告\uFF1A这里有一个看不见的字符 U+000C（换页符），订阅源 feed.xml 等 XML 文件不允许它，生成时已删去\uFF1A它多半是从 Word 或网页复制时带来的，请在编辑器中删去 [bulletin:control-character]',
  'content/2019/02.md:13:3: 警告\uFF1A这里有 5 个看不见的字符，第一个是 U+0001（控制字符），订阅源 feed.xml 等 XML 文件不允许它，生成时已删去\uFF1A它多半是从 Word 或网页复制时带来的，请在编辑器中删去 [bulletin:control-character]',
];

async function builtWithControls() {
  const projectDir = await makeSite();
  await writeFile(path.join(projectDir, 'content', '2019', '02.md'), ISSUE);
  const siteYml = path.join(projectDir, 'content', 'site.yml');
  const yml = await readFile(siteYml, 'utf8');
  await writeFile(siteYml, yml.replace('publisher: 测试编印单位', 'publisher: "测试\\x07编印\\uD800单位"').replace('contact: ', 'contact: \u0002'));
  return build({ projectDir, templatesDir: TEMPLATES_DIR, write: false, cacheDir: false });
}

describe('characters XML forbids', () => {
  it('are warned about at their place, and the site is published without them', async () => {
    const result = await builtWithControls();
    expect(result.ok).toBe(true);
    const report = formatReport(result.files);
    for (const warning of WARNINGS) expect(report).toContain(warning);
    expect(report).toContain('content/site.yml:3:12: 警告\uFF1A这里有 2 个看不见的字符，第一个是 U+0007（控制字符）');
    expect(report).toContain('content/site.yml:7:10: 警告\uFF1A这里有一个看不见的字符 U+0002（控制字符）');
    expect(report).toMatch(/content\/2019\/02\.md:15:1: 警告\uFF1A这里有一个看不见的字符 U\+0001（控制字符）.*转义/);
    expect(report).toContain('共 0 个错误');
    const output = result.output!;
    for (const [file, content] of output) {
      if (typeof content === 'string') expect([file, forbiddenIn(content)]).toEqual([file, []]);
    }
    const feed = String(output.get('feed.xml'));
    expect(feed).toContain('测试编印单位编');
    expect(feed).toContain('正文一二三，四。');
    expect(String(output.get('2019/02/index.html'))).toContain('专刊第二期');
    // In a paragraph, the text between tags is Markdown: &#x1F; becomes U+FFFD there, &#12; a form feed (removed).
    expect(String(output.get('2019/02/index.html'))).toContain('<span title="提示">文字\uFFFD</span>');
    expect(String(output.get('2019/02/index.html'))).toContain('Markdown 的字符引用 \uFFFD 与 \uFFFD');
  });

  it.each([
    ['a form feed typed into the text', '正文\f一。', '正文一。'],
    [
      'every C0 control but tab, LF and CR',
      `正${Array.from({ length: 32 }, (_, i) => String.fromCharCode(i))
        .filter((c) => !'\t\n\r'.includes(c))
        .join('')}文。`,
      '正文。',
    ],
    ['U+FFFE and U+FFFF', '正\uFFFE文\uFFFF。', '正文。'],
    ['a lone high surrogate', '正\uD800文。', '正文。'],
    ['a lone low surrogate', '正\uDC00文。', '正文。'],
    ['HTML references to controls', '<div>正&#1;&#x08;&#11;&#x0C;&#27;文。</div>', '<div>正文。</div>'],
    ['a Markdown reference to a form feed', '正&#12;文。', '正文。'],
    ['HTML references in attributes', '<img src="a.png" alt="&#1;图&#x1f;">', '<img src="a.png" alt="图">'],
  ])('%s', (_, body, expected) => {
    const { html, messages } = renderBody(`# 标题\n\n${body}\n`);
    expect(html).toContain(expected);
    expect(forbiddenIn(html)).toEqual([]);
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatch(/^10:\d+ control-character$/);
  });

  it('keeps the characters XML allows: tab, emoji (a surrogate pair), C1 controls, private use', () => {
    const { html, messages } = renderBody('# 标题\n\n正\t文😀\u0085\uE000。\n');
    expect(html).toContain('正\t文😀\u0085\uE000。');
    expect(messages).toEqual([]);
  });
});
