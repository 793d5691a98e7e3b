// An issue of the bulletin: its front matter schema, and the shape every later stage uses.

import { isCalendarDate } from '../text/chinese.ts';
import { z } from '../vendor/zod.ts';

const text = (what: string) =>
  z
    .string({ error: `${what} 应为文字` })
    .trim()
    .min(1, { error: `${what} 不能为空` });
const textList = (what: string, example: string) => z.array(text(what), { error: `${what} 应为列表，每项一行，以 "- " 开头，例如\n  - ${example}` });

export const frontMatterSchema = z.object({
  issue: z
    .number({ error: '期号 issue 应为整数，例如 issue: 9' })
    .int({ error: '期号 issue 应为整数，例如 issue: 9' })
    .min(1, { error: '期号 issue 从 1 开始' }),
  total: z
    .number({ error: '总期号 total 应为整数，例如 total: 583' })
    .int({ error: '总期号 total 应为整数，例如 total: 583' })
    .min(1, { error: '总期号 total 从 1 开始' }),
  date: z.string({ error: '日期 date 应写作 年-月-日，例如 date: 2019-04-29' }).refine(isCalendarDate, {
    error: (issue) => `日期 ${String(issue.input)} 不存在或格式不对，应写作 年-月-日，例如 2019-04-29`,
    params: { rule: 'invalid-date' },
  }),
  distribution: textList('送 distribution', '全国人大常委会办公厅联络局').min(1, { error: '送 distribution 至少要有一行' }),
  editors: textList('责任编辑 editors', '吴静波').optional(),
  contact: text('联系方式 contact').optional(),
  publisher: text('编印单位 publisher').optional(),
  title: text('标题 title').optional(),
  draft: z.boolean({ error: 'draft 应为 true 或 false' }).optional(),
});

export type FrontMatter = z.infer<typeof frontMatterSchema>;

/** What a field means, for messages that name it the way editors do. */
export const FIELD_NAMES: Record<string, string> = {
  issue: '期号',
  total: '总期号',
  date: '日期',
  distribution: '送',
  editors: '责任编辑',
  contact: '联系方式',
  publisher: '编印单位',
  title: '标题',
  draft: '草稿',
};

/** An article as rendered, and as the build cache keeps it (read back through this schema). */
export const articleSchema = z.object({
  /** Anchor inside the issue page: article-1, article-2, … */
  id: z.string(),
  column: z.string(),
  /** null for a run-in column item such as 快讯, which prints no title. */
  title: z.string().nullable(),
  /** What lists and contents show: the title, or 快讯:<first words>. */
  label: z.string(),
  byline: z.string().optional(),
  /** ISO date of the article itself, when it has one. */
  date: z.string().optional(),
  html: z.string(),
});

export type Article = z.infer<typeof articleSchema>;

export interface Issue {
  /** Path relative to the project, e.g. content/2019/09.md */
  source: string;
  year: number;
  number: number;
  total: number;
  date: string;
  /** Output folder relative to the site root, e.g. 2019/09/ */
  path: string;
  title?: string;
  draft: boolean;
  distribution: string[];
  editors: string[];
  contact: string;
  publisher: string;
  articles: Article[];
}
