// A warm or incremental build gives byte for byte what a cold build gives, after every kind of
// change: the cache (articles, search index parts, what was written) never serves a stale page.
import { readFile, rename, rm, utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { currentToolVersion } from '../src/cache/cache.ts';
import { packPdf, pdfFileName, pdfKey } from '../src/pdf/issue-pdfs.ts';
import { templatesKey } from '../src/pipeline/build-keys.ts';
import { build } from './build.ts';
import { copyProject } from './cli.ts';
import { readTree } from './site.ts';

async function edit(file: string, from: string, to: string): Promise<void> {
  const text = await readFile(file, 'utf8');
  expect(text).toContain(from);
  await writeFile(file, text.replace(from, to));
}

const CHANGES: [string, (dir: string) => Promise<void>][] = [
  ['nothing', async () => {}],
  [
    'a file touched but not changed',
    async (dir) => {
      const later = new Date(Date.now() + 60_000);
      await utimes(path.join(dir, 'content/2019/09.md'), later, later);
      await utimes(path.join(dir, 'templates/issue.njk'), later, later);
    },
  ],
  ['a page deleted from dist/ by hand', (dir) => rm(path.join(dir, 'dist/2019/09/index.html'))],
  [
    'a page changed in dist/ by hand, its size kept',
    async (dir) => {
      const page = path.join(dir, 'dist/2019/index.html');
      const html = await readFile(page, 'utf8');
      await writeFile(page, html.replace('联络动态', '联络动泰'));
    },
  ],
  // A file added to dist/ by hand is refused, not removed (issue 23: test/hardening/output-folder.test.ts).
  ['an issue’s body', (dir) => edit(path.join(dir, 'content/2019/09.md'), '重建危桥', '重建危旧桥梁')],
  [
    'an issue’s front matter (its neighbours and its year page show it)',
    (dir) => edit(path.join(dir, 'content/2019/08.md'), 'date: 2019-04-15', 'date: 2019-04-16'),
  ],
  ['a template', (dir) => edit(path.join(dir, 'templates/partials/banji.njk'), '批准文号', '批准文号 ')],
  ['the CSS', (dir) => edit(path.join(dir, 'templates/assets/style.css'), '--red: #c00000;', '--red: #b00000;')],
  ['site.yml', (dir) => edit(path.join(dir, 'content/site.yml'), 'approval: 湘党简准字〔2000〕第28号', 'approval: 湘党简准字〔2000〕第29号')],
  [
    'site.yml’s default column (it is in the articles, and in the search index)',
    (dir) => edit(path.join(dir, 'content/site.yml'), 'defaultColumn: 工作动态', 'defaultColumn: 经验交流'),
  ],
  [
    'a new issue',
    async (dir) => {
      const text = (await readFile(path.join(dir, 'content/2019/10.md'), 'utf8'))
        .replace('issue: 10', 'issue: 11')
        .replace('total: 584', 'total: 585')
        .replace('date: 2019-05-27', 'date: 2019-06-10');
      await writeFile(path.join(dir, 'content/2019/11.md'), text);
    },
  ],
  ['a deleted issue', (dir) => rm(path.join(dir, 'content/2019/10.md'))],
  [
    'a renamed file',
    async (dir) => {
      await rename(path.join(dir, 'content/2018/12.md'), path.join(dir, 'content/2018/11.md'));
      await edit(path.join(dir, 'content/2018/11.md'), 'issue: 12', 'issue: 11');
    },
  ],
];

/** The changes after which every page is rendered: what every page shows, or the set of years. */
const FULL_RENDERS = [
  'a template',
  'the CSS',
  'site.yml',
  'site.yml’s default column (it is in the articles, and in the search index)',
  'a page deleted from dist/ by hand',
  'a page changed in dist/ by hand, its size kept',
];

describe('incremental builds', () => {
  it.each(CHANGES)('after %s, give the same site as a cold build', async (_, change) => {
    const dir = await copyProject();
    const warm = { projectDir: dir, outDir: path.join(dir, 'dist'), write: true };
    expect((await build(warm)).ok).toBe(true);
    await change(dir);
    const again = await build(warm);
    expect(again.ok).toBe(true);
    // Only a build whose inputs and output are exactly as they were may do nothing.
    expect(again.upToDate).toBe(_ === 'nothing' || _ === 'a file touched but not changed');
    // A change to issues within the same years re-renders only the pages it reaches.
    expect(again.full).toBe(FULL_RENDERS.includes(_));
    const cold = { projectDir: dir, outDir: path.join(dir, 'dist-cold'), write: true, cacheDir: false as const };
    expect((await build(cold)).ok).toBe(true);
    expect(await readTree(path.join(dir, 'dist'))).toEqual(await readTree(path.join(dir, 'dist-cold')));
  });

  it('publishes a PDF printed again in another environment, after an edit elsewhere and after none', async () => {
    const dir = await copyProject();
    const warm = { projectDir: dir, outDir: path.join(dir, 'dist'), write: true };
    const first = await build(warm);
    const issue = first.issues[0]!;
    const { Project } = await import('../src/pipeline/project.ts');
    const project = new Project({ projectDir: dir });
    const { site } = await project.settings();
    const key = pdfKey(issue, site!, await templatesKey(path.join(dir, 'templates')), await currentToolVersion());
    // A PDF as npm run pdf stores it: the environment it was printed in and its pages, then the PDF.
    const pdf = (environment: string, mark: string) =>
      packPdf({ environment, pages: 1 }, Buffer.from(`%PDF-1.4\n%${mark}\n1 0 obj << /Type /Pages /Count 1 >> endobj\n${'x'.repeat(3000)}\n%%EOF\n`));
    const published = async () => (await readFile(path.join(dir, 'dist', issue.path, pdfFileName(site!, issue)), 'latin1')).split('\n')[1];
    await project.cache!.write('pdf', key, pdf('chromium-1 fonts-a', 'A'));
    expect((await build(warm)).ok).toBe(true);
    expect(await published()).toBe('%A');
    // Printed again with another Chromium, same size, then another issue edited.
    await project.cache!.write('pdf', key, pdf('chromium-2 fonts-b', 'B'));
    const other = path.join(dir, 'content/2019/10.md');
    await writeFile(other, `${await readFile(other, 'utf8')}\n另起一段。\n`);
    const edited = await build(warm);
    expect(edited.full).toBe(false);
    expect(await published()).toBe('%B');
    // Printed again once more, nothing else changed: the build is not up to date.
    await project.cache!.write('pdf', key, pdf('chromium-3 fonts-c', 'C'));
    expect((await build(warm)).upToDate).toBe(false);
    expect(await published()).toBe('%C');
  });
});
