// The page of 2019 第9期 against the real issue: every part in FORMAT.md's table,
// and every line of the text extracted from print, in order.
import { readFile } from 'node:fs/promises';
import { beforeAll, describe, expect, it } from 'vitest';
import { build } from './build.ts';
import { CORPUS_FILE, sampleProject } from './site.ts';

const CORPUS = CORPUS_FILE;

/** Text as a reader sees it, without tags or spacing, with print punctuation. */
function comparable(text: string): string {
  const FULL: Record<string, string> = { ',': '\uFF0C', ':': '\uFF1A', ';': '\uFF1B', '(': '\uFF08', ')': '\uFF09' };
  return text.replace(/[\s\u3000]+/g, '').replace(/[,:;()]/g, (m) => FULL[m]!);
}

function pageText(html: string): string {
  return html
    .replace(/<(script|style)[\s\S]*?<\/\1>/g, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&amp;/g, '&');
}

let html = '';

beforeAll(async () => {
  const result = await build({ projectDir: await sampleProject(), write: false });
  expect(result.ok).toBe(true);
  // Without the <wbr> that mark where titles may break (test/reading.browser.test.ts checks those).
  html = String(result.output!.get('2019/09/index.html')).replaceAll('<wbr>', '');
});

describe('2019 第9期', () => {
  it('has the red masthead: title, pinyin, 期号, 总期号 in Chinese numerals, 编印单位 and date', () => {
    expect(html).toMatch(/<h1 class="masthead-title">联络动态/);
    expect(html).toContain('<p class="masthead-pinyin" lang="en">LIANLUODONGTAI</p>');
    expect(html).toContain('<p class="masthead-number">第9期</p>');
    expect(html).toContain('<p class="masthead-total">\uFF08总第五百八十三期\uFF09</p>');
    expect(html).toContain('湖南省人大常委会选举任免联络工作委员会编');
    expect(html).toContain('<time class="masthead-date" datetime="2019-04-29">2019年4月29日</time>');
    expect(html.indexOf('masthead-date')).toBeLessThan(html.indexOf('class="red-rule"'));
  });

  it('lists both articles in a contents list', () => {
    const contents = html.slice(html.indexOf('class="contents"'), html.indexOf('</nav>', html.indexOf('class="contents"')));
    expect(contents).toContain('href="#article-1">关于全省市县乡人大代表中的党政领导干部参加代表小组活动');
    expect(contents).toContain('href="#article-2">快讯\uFF1A2019年3月11日');
  });

  it('sets the report with its title, byline, date, heading levels and closing line', () => {
    expect(html).toContain(
      '<h2 class="article-title" id="article-1-title">关于全省市县乡人大代表中的党政领导干部参加代表小组活动、走进代表联系群众工作平台情况的调研报告</h2>',
    );
    expect(html).toContain('<p class="article-byline">省人大常委会联工委调研组</p>');
    expect(html).toContain('\uFF08<time datetime="2019-04-15">2019年4月15日</time>\uFF09');
    ['一、基本情况', '二、主要成效', '三、主要问题', '四、几点建议'].forEach((heading, i) => {
      expect(html).toContain(`<h3 class="h-1" id="article-1-s${i + 1}">${heading}</h3>`);
    });
    expect(html).toContain('<span class="run-in h-2">\uFF08一\uFF09主要领导率先垂范。</span>各地坚持');
    expect(html).toContain('<p class="closing">\uFF08调研组人员\uFF1A符乔荫 段成钢 蒋胜兰 吴静波\uFF09</p>');
    expect(html).toContain('data-column="调研报告"');
  });

  it('sets the 快讯 as its own column item, run in', () => {
    expect(html).toContain('data-column="快讯"');
    expect(html).toContain('<p><span class="column-label">快讯\uFF1A</span>2019年3月11日');
  });

  it('ends with the 版记: one 送 group a line, 责任编辑, 联系方式, 批准文号', () => {
    const banji = html.slice(html.indexOf('<footer class="banji"'));
    expect(banji.match(/<li>/g)).toHaveLength(7);
    expect(banji).toContain('<li>全国人大常委会办公厅联络局、研究室、新闻局、《中国人大》杂志社</li>');
    expect(banji).toContain('<li>省委办公厅、省委组织部、省委宣传部\uFF0C省人民政府办公厅\uFF0C省监察委员会\uFF0C省高级人民法院\uFF0C省人民检察院</li>');
    // A name or a number is never broken across lines.
    expect(banji).toContain('责任编辑\uFF1A<span class="nowrap">石\u3000韧</span>\u3000<span class="nowrap">吴静波</span>');
    expect(banji).toContain('联系方式\uFF1A<span class="nowrap">0731—85309270</span> <span class="nowrap">hnrddt@163.com</span>');
    expect(banji).toContain('批准文号\uFF1A<span class="nowrap">湘党简准字〔2000〕第28号</span>');
    expect(html.indexOf('class="banji"')).toBeGreaterThan(html.lastIndexOf('class="article"'));
  });

  it('links the previous and next issues', () => {
    expect(html).toContain('rel="prev" href="../../2019/08/"');
    expect(html).toContain('rel="next" href="../../2019/10/"');
  });

  it('holds every line of the printed issue, in order', async () => {
    const text = comparable(pageText(html));
    const lines = (await readFile(CORPUS, 'utf8')).split('\n').map(comparable).filter(Boolean);
    expect(lines.length).toBeGreaterThan(40);
    let from = 0;
    for (const line of lines) {
      const at = text.indexOf(line, from);
      expect(at, `missing or out of order: ${line.slice(0, 30)}`).toBeGreaterThanOrEqual(0);
      from = at + line.length;
    }
  });
});
