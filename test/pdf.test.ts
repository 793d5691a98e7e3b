// The PDFs: every issue printed as the official bulletin (A4, GB/T 9704-2012 as in FORMAT.md),
// checked with poppler's pdfinfo, pdftotext and pdftoppm; the 2019 第9期 against the real issue.
// Page 1 of 2019 第9期 is kept as test/output/2019-09-page-1.png, to look at.
import { execFile } from 'node:child_process';
import { cp, mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PDF_CREATOR } from '../src/pdf/pdf-metadata.ts';
import { CHROMIUM, hasChromium } from './browser.ts';
import { type TestResult as BuildResult, build } from './build.ts';
import { cliWithEnv } from './cli.ts';
import { horizontalRules, inkBox, isDark, isRed, pageImage, pdfInfo, pdfText, savePng } from './poppler.ts';
import { serveDirectory } from './serve.ts';
import { sharedBrowser } from './shared.ts';
import { PROJECT_DIR, SAMPLE_DIR, TEMPLATES_DIR } from './site.ts';

const _run = promisify(execFile);
const OUTPUT_DIR = path.join(PROJECT_DIR, 'test', 'output');

/** The 版心 on A4, in mm from the page's top left corner. */
const TEXT = { top: 37, bottom: 262, left: 28, right: 184 };
/** 4号 (14 pt) in mm: page numbers stand one such character in from the 版心's edge. */
const CHAR_4 = (14 * 25.4) / 72;

/** Text as a reader sees it: no spaces or line breaks. */
const compact = (text: string) => text.replace(/[\s\u3000\u00a0]+/g, '');

/** Every temporary project made, removed after the tests. */
const made: string[] = [];

async function copyProject(): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'lldt-pdf-'));
  made.push(dir);
  await cp(path.join(SAMPLE_DIR, 'content'), path.join(dir, 'content'), { recursive: true });
  await cp(TEMPLATES_DIR, path.join(dir, 'templates'), { recursive: true });
  return dir;
}

let project: string;
let first: BuildResult;
const pdfOf = (issuePath: string) => path.join(project, 'dist', issuePath, `lianluodongtai-${issuePath.slice(0, 4)}-${issuePath.slice(5, 7)}.pdf`);
const ISSUE_9 = '2019/09/';

beforeAll(async () => {
  expect(hasChromium(), `PDF 测试需要 Chromium（${CHROMIUM}）：apt-get install chromium fonts-noto-cjk poppler-utils`).toBe(true);
  project = await copyProject();
  first = await build({ projectDir: project, write: true, pdf: true });
  expect(first.ok).toBe(true);
  await mkdir(OUTPUT_DIR, { recursive: true });
  await savePng(pdfOf(ISSUE_9), 1, path.join(OUTPUT_DIR, '2019-09-page-1'));
});

afterAll(async () => {
  await Promise.all(made.map((dir) => rm(dir, { recursive: true, force: true })));
});

describe('npm run pdf', () => {
  it('prints every issue to an A4 portrait PDF beside its page, which links it', async () => {
    expect(first.pdfs?.printed).toEqual(first.issues.map((issue) => issue.path));
    for (const issue of first.issues) {
      const info = await pdfInfo(pdfOf(issue.path));
      expect(info.width, issue.path).toBeCloseTo(595.3, -0.5);
      expect(info.height, issue.path).toBeCloseTo(841.9, -0.5);
      expect(info.title).toBe(`联络动态 ${issue.year}年第${issue.number}期\uFF08总第${issue.total}期\uFF09`);
      const page = await readFile(path.join(project, 'dist', issue.path, 'index.html'), 'utf8');
      const file = path.basename(pdfOf(issue.path));
      expect(page).toContain(
        `<a class="issue-pdf" href="${file}" download="联络动态-${issue.year}-第${String(issue.number).padStart(2, '0')}期.pdf" type="application/pdf">下载 PDF</a>`,
      );
      expect(page).toContain(`\uFF08A4\uFF0C${info.pages} 页\uFF0C`);
    }
  });

  it('says what it is: title, author, subject, creator and language', async () => {
    const info = await pdfInfo(pdfOf(ISSUE_9));
    expect(info.title).toBe('联络动态 2019年第9期\uFF08总第583期\uFF09');
    expect(info.author).toBe('湖南省人大常委会选举任免联络工作委员会');
    expect(info.subject).toBe(
      '关于全省市县乡人大代表中的党政领导干部参加代表小组活动、走进代表联系群众工作平台情况的调研报告\uFF1B快讯\uFF1A2019年3月11日\uFF0C郴州市五届人大常委会第三十五次主任会议……',
    );
    expect(info.creator).toBe(PDF_CREATOR);
    expect(info.creator).not.toMatch(/Chrome/);
    expect(info.language).toBe('zh-CN');
  });

  it('holds the whole of 2019 第9期: masthead, title, 送 list, 版记', async () => {
    const text = compact(await pdfText(pdfOf(ISSUE_9)));
    for (const part of [
      '联络动态',
      'LIANLUODONGTAI',
      '第9期',
      '\uFF08总第五百八十三期\uFF09',
      '湖南省人大常委会选举任免联络工作委员会编',
      '2019年4月29日',
      '关于全省市县乡人大代表中的党政领导干部参加代表小组活动、走进代表联系群众工作平台情况的调研报告',
      '省人大常委会联工委调研组',
      '一、基本情况',
      '四、几点建议',
      '快讯\uFF1A2019年3月11日',
      '送\uFF1A全国人大常委会办公厅联络局、研究室、新闻局、《中国人大》杂志社各省、区、市人大常委会代表联络工作机构市人大常委会组成人员',
      '各市州、县市区人大常委会联工委',
      '责任编辑\uFF1A石韧吴静波',
      '联系方式\uFF1A0731—85309270hnrddt@163.com',
      '批准文号\uFF1A湘党简准字〔2000〕第28号',
    ]) {
      expect(text).toContain(part);
    }
  });

  it('leaves the site out of print: no navigation, search, contents or download link', async () => {
    const text = await pdfText(pdfOf(ISSUE_9));
    for (const furniture of ['跳到正文', '首页', '往期', '搜索', '本期目录', '上一期', '下一期', '下载 PDF', '各期']) {
      expect(text).not.toContain(furniture);
    }
  });

  it('sets the red masthead on page 1, above a red rule as wide as the 版心', async () => {
    const page = await pageImage(pdfOf(ISSUE_9), 1);
    const masthead = inkBox(page, isRed, { top: TEXT.top - 5, bottom: 140 });
    expect(masthead).toBeDefined();
    expect(masthead!.top).toBeLessThan(TEXT.top + 10);
    const rules = horizontalRules(page, isRed, 150);
    expect(rules.length).toBeGreaterThan(0);
    const rule = inkBox(page, isRed, { top: rules[0]! - 0.2, bottom: rules[0]! + 0.5 })!;
    expect(rule.left).toBeCloseTo(TEXT.left, 0);
    expect(rule.right).toBeCloseTo(TEXT.right, 0);
    // Nothing red below the masthead: the rest of the page is in black.
    expect(inkBox(page, isRed, { top: rule.bottom + 1, bottom: 297 })).toBeUndefined();
  });

  it('sets a full page in 22 lines of 28 characters', async () => {
    const lines = (await pdfText(pdfOf(ISSUE_9), { first: 3, last: 3, layout: true }))
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line && !/^—\s*\d+\s*—$/.test(line));
    expect(lines).toHaveLength(22);
    // Lines with half-width digits or with punctuation moved by the line-breaking rules hold more or fewer.
    const full = lines.filter((line) => [...line].length === 28);
    expect(full.length).toBeGreaterThanOrEqual(14);
  });

  it('numbers every page "— n —" in 4号, 7 mm below the 版心, odd pages right and even pages left', async () => {
    const file = pdfOf(ISSUE_9);
    const { pages } = await pdfInfo(file);
    expect(pages).toBeGreaterThan(2);
    for (let n = 1; n <= pages; n++) {
      expect(compact(await pdfText(file, { first: n, last: n }))).toMatch(new RegExp(`—${n}—$`));
      const number = inkBox(await pageImage(file, n), isDark, { top: TEXT.bottom + 1, bottom: 297 });
      expect(number, `page ${n}`).toBeDefined();
      expect(number!.top, `page ${n}`).toBeGreaterThanOrEqual(TEXT.bottom + 7);
      expect(number!.top, `page ${n}`).toBeLessThan(TEXT.bottom + 7 + 2);
      if (n % 2 === 1) expect(number!.right, `page ${n}`).toBeCloseTo(TEXT.right - CHAR_4, 0);
      else expect(number!.left, `page ${n}`).toBeCloseTo(TEXT.left + CHAR_4, 0);
    }
  });

  it('puts the 版记 at the foot of the last page, between rules as wide as the 版心', async () => {
    const file = pdfOf(ISSUE_9);
    const { pages } = await pdfInfo(file);
    const last = compact(await pdfText(file, { first: pages, last: pages }));
    expect(last).toContain('送\uFF1A全国人大常委会办公厅');
    expect(last).toContain('批准文号');
    expect(compact(await pdfText(file, { last: pages - 1 }))).not.toContain('批准文号');
    const rules = horizontalRules(await pageImage(file, pages, 10), isDark, 150);
    // Four rules: above 送, under 送, under 责任编辑, and the last on the bottom edge of the 版心.
    const distinct = rules.filter((y, i) => i === 0 || y - rules[i - 1]! > 1);
    expect(distinct).toHaveLength(4);
    expect(rules.at(-1)).toBeCloseTo(TEXT.bottom, 0);
  });

  it('keeps the 版记 at the foot of the last page however far the text runs', async () => {
    // The text of 2019 第9期 cut to its first paragraph and n more lines, for a page's worth of n:
    // the 版记 fits under the text, or goes to the foot of the next page when it does not.
    const server = await serveDirectory(path.join(project, 'dist'));
    const browser = await sharedBrowser();
    const scratch = await mkdtemp(path.join(tmpdir(), 'lldt-banji-'));
    try {
      const page = await browser.newPage();
      const seen = new Set<number>();
      for (let n = 0; n <= 21; n += 3) {
        await page.goto(`${server.url}${ISSUE_9}`);
        await page.evaluate((lines) => {
          const body = document.querySelector('.article-body')!;
          [...body.children].slice(1).forEach((p) => p.remove());
          document.querySelectorAll('.article:not(:first-of-type)').forEach((a) => a.remove());
          for (let i = 0; i < lines; i++) body.insertAdjacentHTML('beforeend', `<p>第${i + 1}行。</p>`);
        }, n);
        const file = path.join(scratch, `${n}.pdf`);
        await writeFile(file, await page.pdf({ preferCSSPageSize: true }));
        const { pages } = await pdfInfo(file);
        seen.add(pages);
        const rules = horizontalRules(await pageImage(file, pages, 10), isDark, 150);
        expect(rules.at(-1), `${n} lines`).toBeCloseTo(TEXT.bottom, 0);
        expect(compact(await pdfText(file, { first: pages, last: pages })), `${n} lines`).toContain('批准文号');
      }
      // Both cases came up: the 版记 under the text, and on a page of its own.
      expect(seen.size).toBe(2);
    } finally {
      await browser.close();
      await server.close();
      await rm(scratch, { recursive: true, force: true });
    }
  });

  it('never leaves a heading alone at the foot of a page', async () => {
    // Headings, each followed by a paragraph of two lines: three lines a group, so that page by
    // page (22 lines) a heading comes to every line of the page, the last one included.
    const server = await serveDirectory(path.join(project, 'dist'));
    const browser = await sharedBrowser();
    const scratch = await mkdtemp(path.join(tmpdir(), 'lldt-headings-'));
    try {
      const page = await browser.newPage();
      await page.goto(`${server.url}${ISSUE_9}`);
      await page.evaluate(() => {
        const body = document.querySelector('.article-body')!;
        body.replaceChildren();
        for (let i = 1; i <= 40; i++) {
          body.insertAdjacentHTML('beforeend', `<h3 class="h-1">标题${i}</h3><p>${'正文'.repeat(19)}第${i}段。</p>`);
        }
      });
      const file = path.join(scratch, 'headings.pdf');
      await writeFile(file, await page.pdf({ preferCSSPageSize: true }));
      const { pages } = await pdfInfo(file);
      expect(pages).toBeGreaterThan(4);
      let headingsSeen = 0;
      for (let n = 1; n <= pages; n++) {
        const lines = (await pdfText(file, { first: n, last: n, layout: true }))
          .split('\n')
          .map((l) => l.trim())
          .filter((l) => l && !/^—\s*\d+\s*—$/.test(l));
        const banji = lines.findIndex((l) => l.startsWith('送\uFF1A'));
        const text = banji >= 0 ? lines.slice(0, banji) : lines;
        expect(text.at(-1) ?? '', `page ${n}`).not.toMatch(/^标题\d+$/);
        headingsSeen += text.filter((l) => /^标题\d+$/.test(l)).length;
      }
      expect(headingsSeen).toBe(40);
    } finally {
      await browser.close();
      await server.close();
      await rm(scratch, { recursive: true, force: true });
    }
  });

  it('prints again only the issues whose page changed, and a build without --pdf keeps the others', async () => {
    const again = await build({ projectDir: project, write: true, pdf: true });
    expect(again.pdfs?.printed).toEqual([]);
    expect(again.pdfs?.published).toHaveLength(first.issues.length);

    const source = path.join(project, 'content', '2019', '09.md');
    await writeFile(source, (await readFile(source, 'utf8')).replace('一、基本情况', '一、基本情况和做法'));
    const plain = await build({ projectDir: project, write: true });
    expect(plain.pdfs?.printed).toEqual([]);
    expect(plain.pdfs?.published).not.toContain(ISSUE_9);
    expect(plain.pdfs?.published).toHaveLength(first.issues.length - 1);
    await expect(stat(pdfOf(ISSUE_9))).rejects.toThrow();
    expect(await readFile(path.join(project, 'dist', ISSUE_9, 'index.html'), 'utf8')).not.toContain('下载 PDF');
    await stat(pdfOf('2019/08/'));

    // Printed but not published (as when npm run pdf stops before it publishes): the next build publishes it.
    const printedOnly = await build({ projectDir: project, pdf: true });
    expect(printedOnly.pdfs?.printed).toEqual([ISSUE_9]);
    const published = await build({ projectDir: project, write: true });
    expect(published.upToDate).toBe(false);
    expect(published.pdfs?.published).toContain(ISSUE_9);
    expect(compact(await pdfText(pdfOf(ISSUE_9)))).toContain('一、基本情况和做法');
  });
});

describe('without a working Chromium', () => {
  const cli = (cwd: string, chromium: string, ...args: string[]) => cliWithEnv({ CHROMIUM_PATH: chromium }, cwd, ...args);

  it('npm run pdf says in Chinese how to install it, and writes nothing', async () => {
    const dir = await copyProject();
    const { code, stderr } = await cli(dir, '/nonexistent/chromium', 'pdf');
    expect(code).toBe(69);
    expect(stderr).toContain('找不到 Chromium 浏览器\uFF08/nonexistent/chromium\uFF09');
    expect(stderr).toContain('[bulletin:pdf-browser-missing]');
    expect(stderr).toContain('apt-get install chromium fonts-noto-cjk');
    await expect(stat(path.join(dir, 'dist'))).rejects.toThrow();
  });

  it('npm run pdf says so when Chromium will not start, and writes nothing', async () => {
    const dir = await copyProject();
    const { code, stderr } = await cli(dir, '/bin/false', 'pdf');
    expect(code).toBe(69);
    expect(stderr).toContain('Chromium 浏览器\uFF08/bin/false\uFF09无法启动');
    expect(stderr).toContain('[bulletin:pdf-browser-start]');
    expect(stderr).not.toMatch(/\n\s+at /);
    expect(stderr).toContain('apt-get install chromium fonts-noto-cjk');
    expect(stderr).not.toContain('出现意外错误');
    await expect(stat(path.join(dir, 'dist'))).rejects.toThrow();
  });

  it('npm run build does not need it', async () => {
    const dir = await copyProject();
    const { code, stdout } = await cli(dir, '/nonexistent/chromium', 'build');
    expect(code).toBe(0);
    expect(stdout).toContain('已生成网站');
    await stat(path.join(dir, 'dist', '2019', '09', 'index.html'));
  });
});
