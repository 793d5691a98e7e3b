// Issue 11, item 4: nesting, sizes, counts and YAML aliases past what any editor writes end in a Chinese
// message at the place, never a hang or a stack trace; just under the limits, files still render.
// (How fast: bench/limits.ts, figures in docs/architecture.md.)
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAX_CONTAINERS, MAX_FILE_BYTES, MAX_HTML_NESTING, MAX_INLINE_MARKS, MAX_LINES, MAX_NESTING, MAX_YAML_ALIASES } from '../../src/limits.ts';
import { formatReport } from '../../src/report.ts';
import { build } from '../build.ts';
import { makeSite, TEMPLATES_DIR } from '../site.ts';
import { BODY_LINE, FRONT_MATTER, renderBody } from './render.ts';

const nested = (open: string, close: string, depth: number, text = 'x') => open.repeat(depth) + text + close.repeat(depth);
const lines = (count: number, line: (i: number) => string) => Array.from({ length: count }, (_, i) => line(i)).join('\n');
/** The body's line n (1-based) in the file. */
const at = (n: number) => BODY_LINE + n - 1;

/** Bodies past a limit, the line (of the body, 1-based) where the error must be, and its rule. */
const PAST: [string, string, number, 'too-deep' | 'too-large'][] = [
  // Lists and quotes, before parsing.
  ['10,000 list markers on one line', `${'- '.repeat(10_000)}x`, 1, 'too-deep'],
  ['33 list markers on one line', `${'- '.repeat(MAX_NESTING + 1)}x`, 1, 'too-deep'],
  ['ordered list markers', `${'1. '.repeat(1000)}x`, 1, 'too-deep'],
  ['* and + markers', `${'* + '.repeat(500)}x`, 1, 'too-deep'],
  ['mixed quote and list markers', `${'> - '.repeat(20)}x`, 1, 'too-deep'],
  ['footnote definitions in footnote definitions', `${'[^a]: '.repeat(100)}x`, 1, 'too-deep'],
  ['10,000 block quote markers', `${'>'.repeat(10_000)} x`, 1, 'too-deep'],
  ['spaced block quote markers', `${'> '.repeat(MAX_NESTING + 1)}x`, 1, 'too-deep'],
  ['an indented list 1,000 deep', lines(1000, (i) => `${' '.repeat(2 * i)}- x`), MAX_NESTING + 1, 'too-deep'],
  ['an indented ordered list', lines(100, (i) => `${' '.repeat(3 * i)}1. x`), MAX_NESTING + 1, 'too-deep'],
  ['a list indented with tabs', lines(100, (i) => `${'\t'.repeat(i)}- x`), MAX_NESTING + 1, 'too-deep'],
  ['block quotes deepening line by line', lines(100, (i) => `${'>'.repeat(i + 1)} x`), MAX_NESTING + 1, 'too-deep'],
  ['a list inside quotes, line by line', lines(100, (i) => `${'>'.repeat(i)} - x`), MAX_NESTING + 1, 'too-deep'],
  [`${MAX_CONTAINERS + 1} list items`, lines(MAX_CONTAINERS + 1, () => '- x'), MAX_CONTAINERS + 1, 'too-large'],
  [`${MAX_CONTAINERS + 1} quote lines`, lines(MAX_CONTAINERS + 1, () => '> 引文'), MAX_CONTAINERS + 1, 'too-large'],
  [`${MAX_CONTAINERS / 2 + 1} lines of > - x`, lines(MAX_CONTAINERS / 2 + 1, () => '> - x'), MAX_CONTAINERS / 2 + 1, 'too-large'],
  [`${MAX_CONTAINERS + 1} footnote definitions`, lines(MAX_CONTAINERS + 1, (i) => `[^${i}]: 注`), MAX_CONTAINERS + 1, 'too-large'],
  // Emphasis, code and link marks in one paragraph, before parsing.
  ['emphasis 10,000 deep', nested('*a ', ' a*', 10_000), 1, 'too-large'],
  ['strong emphasis 5,000 deep', nested('**a ', ' a**', 5000), 1, 'too-large'],
  ['underscores 5,000 deep', nested('_a ', ' a_', 5000), 1, 'too-large'],
  ['strikethrough 3,000 deep', nested('~~a ', ' a~~', 3000), 1, 'too-large'],
  ['links 5,000 deep', nested('[', '](y)', 5000), 1, 'too-large'],
  ['brackets never closed', '[a'.repeat(MAX_INLINE_MARKS + 1), 1, 'too-large'],
  ['code spans of every length', Array.from({ length: 100 }, (_, i) => `${'`'.repeat(i + 1)}x`).join(' '), 1, 'too-large'],
  [`${MAX_INLINE_MARKS / 2 + 1} bold phrases in one paragraph`, '文字**加粗**'.repeat(MAX_INLINE_MARKS / 2 + 1), 1, 'too-large'],
  ['bold phrases on many lines of one paragraph', lines(300, () => '文字**加粗**，*强调*'), Math.floor(MAX_INLINE_MARKS / 4) + 1, 'too-large'],
  // Nesting in the parsed tree.
  ['emphasis 40 deep', nested('*a ', ' a*', 40), 1, 'too-deep'],
  ['strong emphasis 40 deep', nested('**a ', ' a**', 40), 1, 'too-deep'],
  ['strikethrough 40 deep', nested('~~a ', ' a~~', 40), 1, 'too-deep'],
  ['emphasis across lines', `${lines(200, () => '*a')}\n${lines(200, () => 'a*')}`, MAX_NESTING + 1, 'too-deep'],
  ['emphasis in quotes', `${'> '.repeat(20)}${nested('*a ', ' a*', 20)}`, 1, 'too-deep'],
  // HTML, before parsing.
  ['10,000 nested <div>s on one line', nested('<div>', '</div>', 10_000), 1, 'too-deep'],
  ['10,000 <div>s a line each', lines(10_000, () => '<div>'), MAX_HTML_NESTING + 1, 'too-deep'],
  ['10,000 nested <span>s', nested('<span>', '</span>', 10_000), 1, 'too-deep'],
  ['<div>s with stray end tags of other names', lines(200, () => '<div></span></p></b>'), MAX_HTML_NESTING + 1, 'too-deep'],
  ['<b>s never closed, reopened by a browser in each block', lines(200, (i) => `<p><b class="c${i}">x</p>`), MAX_HTML_NESTING, 'too-deep'],
  ['self-closing <div/>s, which HTML leaves open', lines(200, () => '<div/>'), MAX_HTML_NESTING + 1, 'too-deep'],
  ['upper-case tags', nested('<DIV>', '</DIV>', 1000), 1, 'too-deep'],
  ['<div>s across paragraphs', lines(200, () => '<div>\n\n段落。\n'), MAX_HTML_NESTING * 4 + 1, 'too-deep'],
  // Table cells, before parsing: each row is padded to the header's width (issue 23).
  ['a header 5,000 cells wide over 1,900 one-cell rows', `${'|a'.repeat(5000)}|\n${'|-'.repeat(5000)}|\n${lines(1900, () => '|x|')}`, 3, 'too-large'],
  [
    'a header 1,000 wide without outer pipes',
    `${lines(1, () => Array(1000).fill('a').join('|'))}\n${Array(1000).fill('---').join('|')}\n${lines(100, () => 'x')}`,
    11,
    'too-large',
  ],
  ['aligned columns, 300 wide', `${'| 列 '.repeat(300)}|\n${'|:--:'.repeat(300)}|\n${lines(100, () => '| 1 |')}`, 34, 'too-large'],
  ['many small tables', lines(400, () => `${'|甲'.repeat(10)}|\n${'|-'.repeat(10)}|\n${'|1'.repeat(10)}|\n`), 1334, 'too-large'],
];

describe('Markdown past the limits', () => {
  it.each(PAST)('%s: an error at its line', (_, body, line, rule) => {
    const { html, messages, file } = renderBody(`# 标题\n\n${body}\n`);
    expect(html).toBe('');
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatch(new RegExp(`^${at(line + 2)}:\\d+ ${rule}$`));
    expect(file.messages[0]!.reason).toMatch(/^这.*(嵌套超过|已超过) \d+ (层|个).*：请检查/);
  });
});

/** Bodies just within the limits, or that only look deep or many. */
const WITHIN: [string, string][] = [
  ['32 list markers on one line', `${'- '.repeat(MAX_NESTING)}x`],
  ['an indented list 32 deep', lines(MAX_NESTING, (i) => `${' '.repeat(2 * i)}- x`)],
  ['block quotes 32 deep', `${'>'.repeat(MAX_NESTING)} x`],
  ['emphasis 16 deep in 16 quotes', `${'>'.repeat(16)} ${nested('*a ', ' a*', 16)}`],
  ['<div>s 64 deep', nested('<div>', '</div>', MAX_HTML_NESTING)],
  ['1,000 closed <div>s', lines(1000, () => '<div>x</div>')],
  ['<br>s and <img>s (void elements)', lines(200, () => '<br><img src="a.png" alt="图">')],
  ['escaped and autolinked angle brackets', lines(200, () => '\\<div> <https://www.npc.gov.cn/> <hnrddt@163.com> 人数<100')],
  ['a rule of 1,000 dashes with spaces', `段落。\n\n${'- '.repeat(1000)}\n\n段落。`],
  ['a rule after a list marker', `- ${'* '.repeat(500)}`],
  ['a deeply indented line after a short list', `- x\n${' '.repeat(500)}- y`],
  [`${MAX_CONTAINERS} list items`, lines(MAX_CONTAINERS, () => '- x')],
  ['400 list items, each with bold phrases', lines(400, () => '- **代表**：*姓名*，`编号`')],
  ['footnotes, each with bold phrases', `${lines(400, (i) => `正文[^${i}]。\n`)}\n${lines(400, (i) => `[^${i}]: **注释**：*说明*`)}`],
  [`${MAX_INLINE_MARKS / 2} bold phrases in one paragraph`, '文字**加粗**'.repeat(MAX_INLINE_MARKS / 2)],
  ['1,000 bold phrases in paragraphs of their own', lines(1000, () => '文字**加粗**，*强调*，~~删除~~，`代码`，[链接](x)。\n')],
  ['escaped marks', `${'\\*'.repeat(2000)}`],
  ['numbers that end a sentence', lines(200, () => '2019. 年')],
  ['a table of 10 columns and 500 rows', `${'|列'.repeat(10)}|\n${'|---'.repeat(10)}|\n${lines(500, () => `${'|1'.repeat(10)}|`)}`],
  ['rules of dashes and pipes in text', lines(200, () => '甲 | 乙\n\n---\n')],
];

describe('Markdown within the limits', () => {
  it.each(WITHIN)('%s renders', (_, body) => {
    const { html, messages } = renderBody(`# 标题\n\n${body}\n`);
    expect(messages).toEqual([]);
    expect(html).not.toBe('');
  });
});

/** A project with one more issue, 2019 第2期, whose file is `text`. */
async function checkWith(text: string | Buffer, site?: (yml: string) => string) {
  const projectDir = await makeSite();
  await writeFile(path.join(projectDir, 'content', '2019', '02.md'), text);
  if (site) {
    const { readFile } = await import('node:fs/promises');
    const yml = path.join(projectDir, 'content', 'site.yml');
    await writeFile(yml, site(await readFile(yml, 'utf8')));
  }
  const result = await build({ projectDir, templatesDir: TEMPLATES_DIR, write: false, cacheDir: false, search: false });
  return { ok: result.ok, report: formatReport(result.files) };
}

const BOMB =
  'a: &a [x, x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]\n';
const ALIAS_MESSAGE = `这里用了 YAML 的别名（*名称），它没有对应的锚点（&名称），或展开后超过 ${MAX_YAML_ALIASES} 项：设置中用不到别名，请把值直接写出来 [bulletin:yaml-aliases]`;

describe('file size, lines and YAML', () => {
  it(`refuses a file over ${MAX_FILE_BYTES / 1024} KB at its start`, async () => {
    const { ok, report } = await checkWith(`${FRONT_MATTER}\n# 标题\n\n${'正文。'.repeat(MAX_FILE_BYTES / 9 + 1)}\n`);
    expect(ok).toBe(false);
    expect(report).toContain(`content/2019/02.md:1:1: 错误\uFF1A文件超过 ${MAX_FILE_BYTES / 1024} KB`);
  });

  it(`refuses a file of more than ${MAX_LINES} lines at the first line too many, and reads one of ${MAX_LINES}`, async () => {
    const within = `${FRONT_MATTER}\n# 标题\n\n${'正文。\n'.repeat(MAX_LINES - 10)}`;
    expect(within.split('\n').length - 1).toBe(MAX_LINES);
    expect((await checkWith(within)).ok).toBe(true);
    const { ok, report } = await checkWith(`${within}多出的一行。\n`);
    expect(ok).toBe(false);
    expect(report).toContain(`content/2019/02.md:${MAX_LINES + 1}:1: 错误\uFF1A文件超过 ${MAX_LINES} 行`);
  });

  it('refuses a YAML alias bomb in front matter at its first alias', async () => {
    const { ok, report } = await checkWith(`${FRONT_MATTER.replace('distribution:', `${BOMB}distribution:`)}\n# 标题\n\n正文。\n`);
    expect(ok).toBe(false);
    expect(report).toContain(`content/2019/02.md:6:8: 错误\uFF1A${ALIAS_MESSAGE}`);
    expect(report).not.toMatch(/Excessive|\n\s+at /);
  });

  it('refuses a YAML alias bomb in site.yml at its first alias', async () => {
    const { ok, report } = await checkWith(`${FRONT_MATTER}\n# 标题\n\n正文。\n`, (yml) => `${yml}${BOMB}`);
    expect(ok).toBe(false);
    expect(report).toContain(`content/site.yml:11:8: 错误\uFF1A${ALIAS_MESSAGE}`);
  });

  it('refuses an alias without its anchor', async () => {
    const { report } = await checkWith(`${FRONT_MATTER.replace('  - 甲单位', '  - *甲单位')}\n# 标题\n\n正文。\n`);
    expect(report).toContain(`content/2019/02.md:6:5: 错误\uFF1A${ALIAS_MESSAGE}`);
  });

  it(`reads ${MAX_YAML_ALIASES} aliases, as the YAML library allows`, async () => {
    const aliases = `a: &a x\nb: [${Array(MAX_YAML_ALIASES - 1)
      .fill('*a')
      .join(', ')}]\n`;
    const { report } = await checkWith(`${FRONT_MATTER.replace('distribution:', `${aliases}distribution:`)}\n# 标题\n\n正文。\n`);
    expect(report).not.toContain('yaml-aliases');
    expect(report).toContain('unknown-key');
  });

  it.each([
    ['flow collections 5,000 deep', `a: ${nested('[', ']', 5000)}\n`],
    ['flow mappings 5,000 deep', `a: ${nested('{a: ', '}', 5000)}\n`],
  ])('refuses YAML nested past its parser\u2019s limit (%s) at its line', async (_, yaml) => {
    const { ok, report } = await checkWith(`${FRONT_MATTER.replace('distribution:', `${yaml}distribution:`)}\n# 标题\n\n正文。\n`);
    expect(ok).toBe(false);
    expect(report).toMatch(/content\/2019\/02\.md:\d+:\d+: 错误\uFF1A这里的括号或缩进嵌套得太深/);
    expect(report).not.toMatch(/\n\s+at /);
  });

  it('reports nesting past the limits through the build, with no stack trace, and the cache replays it', async () => {
    const projectDir = await makeSite();
    await mkdir(path.join(projectDir, 'content', '2019'), { recursive: true });
    await writeFile(path.join(projectDir, 'content', '2019', '02.md'), `${FRONT_MATTER}\n# 标题\n\n${nested('<div>', '</div>', 10_000)}\n`);
    const cacheDir = path.join(projectDir, '.cache', 'build');
    for (let run = 0; run < 2; run++) {
      const result = await build({ projectDir, templatesDir: TEMPLATES_DIR, write: false, cacheDir, search: false });
      expect(result.ok).toBe(false);
      expect(formatReport(result.files)).toContain(
        `content/2019/02.md:11:${MAX_HTML_NESTING * 5 + 1}: 错误\uFF1A这里 HTML 标签（没有结束标签的也算）嵌套超过 ${MAX_HTML_NESTING} 层`,
      );
    }
  });
});
