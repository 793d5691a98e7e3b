// The file `npm run new` writes: the next issue's front matter, marked as a draft, and a body
// that shows the conventions of the editor guide by example, ready to be written over.

import { SAMPLE_MARK } from '../content/sample-text.ts';
import type { Site } from '../model/site.ts';
import { chineseDate } from '../text/chinese.ts';
import { type FrontMatterField, formatFrontMatter } from '../text/front-matter.ts';
import type { NextIssue } from './next-issue.ts';

const QUICK_NEWS = '快讯';

function guide(site: Site): string {
  return [
    '<!--',
    '新的一期：照下面的样子改写，用不到的部分删去。',
    `- 每篇文章以一行 “# 标题” 开始；标题前可用【】写栏目：${site.columns.join('、')}。`,
    '- 标题下一行写署名，再下一行写文章日期（带括号）；没有的删去。',
    '- 层次标题照印刷稿写编号：“一、”“（一）”“1.”“（1）”。',
    '- 文章最后一段写在括号里、带冒号，是结尾说明。',
    `- 快讯：只写一行 “# ${QUICK_NEWS}”，下面写内容。`,
    '写好后运行 npm run check 检查，或用 npm run dev 边写边看；定稿后删去设置中的 draft 一行。',
    '-->',
  ].join('\n');
}

function sampleArticles(next: NextIssue, site: Site): string[] {
  const articles = [
    [
      `# 【${site.defaultColumn}】${SAMPLE_MARK}文章标题`,
      `${SAMPLE_MARK}署名单位`,
      `（${chineseDate(next.date)}）`,
      `${SAMPLE_MARK}正文。段与段之间空一行，开头不用空格。`,
      `一、${SAMPLE_MARK}一级标题`,
      `（一）${SAMPLE_MARK}二级标题。这一句是标题，后面接着写正文，同在一段。`,
      `1.${SAMPLE_MARK}三级标题。后面接着写正文。`,
      `（调研组人员：${SAMPLE_MARK}姓名）`,
    ].join('\n\n'),
  ];
  if (site.columns.includes(QUICK_NEWS)) {
    articles.push(`# ${QUICK_NEWS}\n\n${SAMPLE_MARK}快讯的内容，网页上印作“${QUICK_NEWS}：……”。`);
  }
  return articles;
}

export function newIssueText(next: NextIssue, site: Site): string {
  const fields: FrontMatterField[] = [
    { key: 'issue', value: next.issue },
    { key: 'total', value: next.total },
    { key: 'date', value: next.date },
    { key: 'draft', value: true, comment: '草稿：定稿后删去这一行，才会发布' },
    next.distribution.length > 0
      ? { key: 'distribution', value: next.distribution }
      : { key: 'distribution', value: [`${SAMPLE_MARK}送达单位，每个单位组一行`] },
  ];
  if (next.editors) fields.push({ key: 'editors', value: next.editors });
  return `${formatFrontMatter(fields)}\n${guide(site)}\n\n${sampleArticles(next, site).join('\n\n')}\n`;
}
