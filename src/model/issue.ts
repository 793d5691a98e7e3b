// An issue of the bulletin: its front matter schema, and the shape every later stage uses.

import { CONTENT } from '../messages/catalogue.ts';
import { ISSUE_FIELDS as FIELD, type ListTexts, type TextTexts } from '../messages/fields.ts';
import { isCalendarDate, meantDate, meantNumber } from '../text/chinese.ts';
import { z } from '../vendor/zod.ts';

// Each field's texts are its entry in ISSUE_FIELDS (messages/fields.ts).
const text = (says: TextTexts) => z.string({ error: says.notText }).trim().min(1, { error: says.empty });
const textList = (says: ListTexts) => z.array(text(says.item), { error: says.notList });

/** 期号 and 总期号: a whole number from 1; one typed another way (１０, 第10期) is told how to write it. */
const wholeNumber = (says: { notWhole: (meant?: number) => string; belowOne: string }) =>
  z
    .number({ error: (issue) => says.notWhole(meantNumber(issue.input)) })
    .int({ error: says.notWhole() })
    .min(1, { error: says.belowOne });

export const frontMatterSchema = z.object({
  issue: wholeNumber(FIELD.issue),
  total: wholeNumber(FIELD.total),
  date: z.string({ error: FIELD.date.notText }).refine(isCalendarDate, {
    error: (issue) => FIELD.date.noSuchDate(String(issue.input), meantDate(String(issue.input))),
    params: { rule: CONTENT.articleDate.rule },
  }),
  distribution: textList(FIELD.distribution).min(1, { error: FIELD.distribution.none }),
  editors: textList(FIELD.editors).optional(),
  contact: text(FIELD.contact).optional(),
  publisher: text(FIELD.publisher).optional(),
  title: text(FIELD.title).optional(),
  draft: z.boolean({ error: FIELD.draft.notBoolean }).optional(),
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
