// The input limits (src/limits.ts) at work: for each limit, a file just over it (how fast the
// error comes) and the slowest files found just under it (how long a file the build accepts can
// take). Each file goes through what the build does with one issue: read it (stage 1), split and
// check its front matter (stage 3), render its Markdown (stage 5). Times are the process's CPU
// time (user + system), which varies less than the wall clock on a busy machine, after a warm-up
// on the sample issue; each case is run in a process of its own.
// Usage: npx tsx bench/limits.ts [case name…]
import { spawnSync } from 'node:child_process';
import { cp, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { MAX_CONTAINERS, MAX_FILE_BYTES, MAX_HTML_NESTING, MAX_INLINE_MARKS, MAX_LINES, MAX_NESTING, MAX_YAML_ALIASES } from '../src/limits.ts';

const ROOT = path.resolve(import.meta.dirname, '..');
const SAMPLE = path.join(ROOT, 'content', '2019', '09.md');

const FRONT = `---
issue: 9
total: 583
date: 2019-04-29
distribution:
  - 全国人大常委会办公厅联络局
---

# 标题

`;

/** A body of `line`s (a function of the line's index; one may hold several) up to `lines` lines or `bytes` bytes, whichever comes first. */
function fill(line: (i: number) => string, { lines = MAX_LINES - 20, bytes = MAX_FILE_BYTES - 1024 } = {}): string {
  const out: string[] = [];
  let size = 0;
  let count = 0;
  for (let i = 0; ; i++) {
    const next = `${line(i)}\n`;
    size += Buffer.byteLength(next);
    count += next.split('\n').length - 1;
    if (size > bytes || count > lines) break;
    out.push(next);
  }
  return out.join('');
}

/** `line` repeated until its list, quote and footnote markers reach MAX_CONTAINERS. */
const containers = (line: string, before = '') => {
  const markers = line.match(/(^|\s)(>|[-*+]|\d+\.|\[\^\w+\]:)(?=\s|$)/g)?.length ?? 1;
  return before + fill(() => line, { lines: Math.min(Math.floor((MAX_CONTAINERS - 1) / markers), MAX_LINES - 20) });
};

const prose = '各地坚持抓好代表小组活动，推动代表联系群众工作制度化、规范化，取得了明显成效。';
const nested = (open: string, close: string, depth: number, text = 'x') => open.repeat(depth) + text + close.repeat(depth);

interface Case {
  name: string;
  /** over: refused by a limit; under: accepted, the slowest shapes found. */
  kind: 'over' | 'under' | 'reference';
  body: () => Promise<string> | string;
}

const cases: Case[] = [
  { name: 'the sample issue (13 KB, 64 lines)', kind: 'reference', body: () => readFile(SAMPLE, 'utf8') },

  { name: `file size: ${MAX_FILE_BYTES / 1024} KB + 1 byte`, kind: 'over', body: () => FRONT + 'x'.repeat(MAX_FILE_BYTES) },
  { name: `lines: ${MAX_LINES + 1}`, kind: 'over', body: () => FRONT + 'x\n'.repeat(MAX_LINES) },
  { name: `list items: ${MAX_CONTAINERS + 1} (- x)`, kind: 'over', body: () => FRONT + fill(() => '- x', { lines: MAX_CONTAINERS + 1 }) },
  { name: `footnotes: ${MAX_CONTAINERS + 1}`, kind: 'over', body: () => FRONT + fill((i) => `[^${i}]: y`, { lines: MAX_CONTAINERS + 1 }) },
  { name: 'link brackets 5,000 deep ([[[… x](y)](y)…)', kind: 'over', body: () => `${FRONT + nested('[', '](y)', 5000)}\n` },
  {
    name: `link brackets never closed ([a[a[a…), ${MAX_FILE_BYTES / 1024} KB`,
    kind: 'over',
    body: () => `${FRONT + '[a'.repeat(Math.floor((MAX_FILE_BYTES - 1024) / 2))}\n`,
  },
  { name: 'list markers: one line of 10,000 (- - - … x)', kind: 'over', body: () => `${FRONT + '- '.repeat(10_000)}x\n` },
  { name: 'indented list 1,000 deep', kind: 'over', body: () => FRONT + fill((i) => `${' '.repeat(2 * i)}- x`, { lines: 1000 }) },
  { name: 'block quotes: one line of 10,000 (>>>… x)', kind: 'over', body: () => `${FRONT + '>'.repeat(10_000)} x\n` },
  { name: 'emphasis 10,000 deep (*a *a … x a* a*)', kind: 'over', body: () => `${FRONT + nested('*a ', ' a*', 10_000)}\n` },
  { name: 'strong emphasis 5,000 deep (**a **a … x a** a**)', kind: 'over', body: () => `${FRONT + nested('**a ', ' a**', 5000)}\n` },
  { name: '10,000 nested <div>s', kind: 'over', body: () => `${FRONT + nested('<div>', '</div>', 10_000)}\n` },
  {
    name: '2,000 <p><b class=N></p>: <b>s reopened in every block',
    kind: 'over',
    body: () => `${FRONT + fill((i) => `<p><b class="c${i}">x</p>`, { lines: 2000 }).replace(/\n/g, '')}\n`,
  },
  {
    name: `emphasis ${MAX_INLINE_MARKS / 2} deep: within the marks, refused after parsing`,
    kind: 'over',
    body: () => `${FRONT + nested('*a ', ' a*', MAX_INLINE_MARKS / 2)}\n`,
  },
  {
    name: 'YAML alias bomb in front matter',
    kind: 'over',
    body: () =>
      FRONT.replace(
        'distribution:\n',
        `a: &a [x, x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]\ndistribution:\n`,
      ),
  },

  { name: `Chinese prose up to ${MAX_FILE_BYTES / 1024} KB`, kind: 'under', body: () => FRONT + fill(() => `${prose.repeat(8)}\n`) },
  {
    name: `one paragraph of Chinese prose, ${MAX_FILE_BYTES / 1024} KB on one line`,
    kind: 'under',
    body: () => `${FRONT + prose.repeat(Math.floor((MAX_FILE_BYTES - 1024) / Buffer.byteLength(prose)))}\n`,
  },
  { name: `${MAX_LINES} lines of one-letter paragraphs`, kind: 'under', body: () => FRONT + fill(() => 'x\n') },
  { name: `${MAX_LINES} lines of one paragraph`, kind: 'under', body: () => FRONT + fill(() => '字') },
  { name: `${MAX_CONTAINERS} list items (- x)`, kind: 'under', body: () => FRONT + containers('- x') },
  { name: `${MAX_CONTAINERS} list items in a block quote (> - x)`, kind: 'under', body: () => FRONT + containers('> - x') },
  { name: `${MAX_CONTAINERS} markers as > - > - x`, kind: 'under', body: () => FRONT + containers('> - > - x') },
  { name: `${MAX_CONTAINERS} list items inside a list item`, kind: 'under', body: () => FRONT + containers('    - x', '- a\n  - b\n') },
  { name: `${MAX_CONTAINERS} quote lines (> x)`, kind: 'under', body: () => FRONT + containers('> 引用的话。') },
  { name: `${MAX_CONTAINERS} markers, ${MAX_NESTING} a line`, kind: 'under', body: () => FRONT + containers(`${'- '.repeat(MAX_NESTING)}x`) },
  {
    name: `lists ${MAX_NESTING} deep, up to ${MAX_CONTAINERS} items`,
    kind: 'under',
    body: () => FRONT + fill((i) => `${' '.repeat(2 * (i % MAX_NESTING))}- x`),
  },
  {
    name: `footnotes, up to ${MAX_LINES} lines`,
    kind: 'under',
    body: () => FRONT + fill((i) => `x[^${i}]\n`, { lines: ((MAX_LINES - 30) * 2) / 3 }) + fill((i) => `[^${i}]: y`, { lines: (MAX_LINES - 30) / 3 }),
  },
  { name: `${MAX_LINES} table rows`, kind: 'under', body: () => `${FRONT}| a | b |\n| --- | --- |\n${fill(() => '| 代表 | 群众 |')}` },
  { name: `emphasis ${MAX_NESTING} deep, repeated`, kind: 'under', body: () => FRONT + fill(() => `${nested('*a ', ' a*', MAX_NESTING / 2)}\n`) },
  { name: `<div>s ${MAX_HTML_NESTING} deep, repeated`, kind: 'under', body: () => FRONT + fill(() => `${nested('<div>', '</div>', MAX_HTML_NESTING)}\n`) },
  {
    name: `emphasis openers never closed (*a *a …), ${MAX_FILE_BYTES / 1024} KB`,
    kind: 'under',
    body: () => `${FRONT + '*a '.repeat(Math.floor((MAX_FILE_BYTES - 1024) / 3))}\n`,
  },
  { name: `link brackets ${MAX_NESTING} deep, repeated`, kind: 'under', body: () => FRONT + fill(() => `${nested('[', '](y)', MAX_NESTING)}\n`) },
  {
    name: `${MAX_NESTING} link brackets never closed, then links, ${MAX_FILE_BYTES / 1024} KB`,
    kind: 'under',
    body: () => `${FRONT + '[a'.repeat(MAX_NESTING) + '[a](b)'.repeat(Math.floor((MAX_FILE_BYTES - 1100) / 6))}\n`,
  },
  {
    name: 'code spans of every length (` `` ``` …), one paragraph',
    kind: 'under',
    body: () => {
      const runs: string[] = [];
      for (let n = 1, size = 0; size + n + 2 < MAX_FILE_BYTES - 1024; n++, size += n + 2) runs.push(`${'`'.repeat(n)}x`);
      return `${FRONT}${runs.join(' ')}\n`;
    },
  },
  {
    name: `${MAX_YAML_ALIASES - 1} YAML aliases in front matter`,
    kind: 'under',
    body: () =>
      `${FRONT.replace(
        'distribution:\n',
        `a: &a x\nb: [${Array(MAX_YAML_ALIASES - 1)
          .fill('*a')
          .join(', ')}]\ndistribution:\n`,
      )}正文。\n`,
  },
];

// ---------------------------------------------------------------- one case, in a child process

async function runCase(name: string): Promise<void> {
  const { readText } = await import('../src/content/load-content.ts');
  const { loadSite } = await import('../src/content/load-site.ts');
  const { parseIssue } = await import('../src/content/parse-issue.ts');
  const { renderMarkdown } = await import('../src/markdown/render-markdown.ts');
  const dir = await mkdtemp(path.join(tmpdir(), 'lldt-limits-'));
  await cp(path.join(ROOT, 'content', 'site.yml'), path.join(dir, 'content', 'site.yml'));
  const site = loadSite(await readText(dir, 'content/site.yml'))!;
  const file = path.join(dir, 'content', '2019', '09.md');
  const once = async () => {
    const vfile = await readText(dir, 'content/2019/09.md');
    const source = parseIssue(vfile);
    const articles = source ? renderMarkdown(source, site) : [];
    return { vfile, articles };
  };
  await cp(SAMPLE, file);
  for (let i = 0; i < 3; i++) await once(); // warm-up
  const which = cases.find((c) => c.name === name)!;
  const text = await which.body();
  await writeFile(file, text);
  const cpu = process.cpuUsage();
  const started = performance.now();
  const { vfile, articles } = await once();
  const used = process.cpuUsage(cpu);
  const error = vfile.messages.find((m) => m.fatal);
  console.log(
    JSON.stringify({
      cpuMs: Math.round((used.user + used.system) / 1000),
      wallMs: Math.round(performance.now() - started),
      bytes: Buffer.byteLength(text),
      lines: text.split('\n').length - 1,
      result: error ? `${error.line}:${error.column} [${error.ruleId}]` : `${articles.length} article(s)`,
    }),
  );
}

// ---------------------------------------------------------------- all cases

if (process.env.LIMITS_CASE) {
  await runCase(process.env.LIMITS_CASE);
} else {
  const only = process.argv.slice(2);
  console.log('| case | bytes | lines | result | CPU time | wall time |');
  console.log('| --- | ---: | ---: | --- | ---: | ---: |');
  for (const { name } of cases.filter((c) => only.length === 0 || only.some((o) => c.name.includes(o)))) {
    const child = spawnSync(process.execPath, ['--import', 'tsx', import.meta.filename], {
      env: { ...process.env, LIMITS_CASE: name },
      encoding: 'utf8',
      timeout: 600_000,
    });
    const last = child.stdout.trim().split('\n').at(-1) ?? '';
    if (child.status !== 0 || !last.startsWith('{')) {
      console.log(`| ${name} | | | failed: ${(child.stderr || child.error?.message || '').split('\n').find((l) => l.trim()) ?? `exit ${child.status}`} | | |`);
      continue;
    }
    const r = JSON.parse(last) as { cpuMs: number; wallMs: number; bytes: number; lines: number; result: string };
    console.log(`| ${name} | ${r.bytes.toLocaleString('en')} | ${r.lines.toLocaleString('en')} | ${r.result} | ${r.cpuMs} ms | ${r.wallMs} ms |`);
  }
}
