// Site-wide settings from content/site.yml: the schema and the type, made in one place.
import { z } from '../vendor/zod.ts';
import { baseUrlSchema } from './base-url.ts';
import { siteIdentityFields } from './site-identity.ts';

const text = (what: string, example: string) =>
  z
    .string({ error: `${what} 应为文字，例如 ${example}` })
    .trim()
    .min(1, { error: `${what} 不能为空` });

export const siteSchema = z
  .object({
    title: text('刊名 title', 'title: 联络动态'),
    pinyin: text('刊名拼音 pinyin', 'pinyin: LIANLUODONGTAI'),
    publisher: text('编印单位 publisher', 'publisher: 湖南省人大常委会选举任免联络工作委员会'),
    approval: text('批准文号 approval', 'approval: 湘党简准字〔2000〕第28号'),
    editors: z.array(text('责任编辑', '- 吴静波'), { error: '责任编辑 editors 应为列表，每行一人，例如 "- 吴静波"' }),
    contact: text('联系方式 contact', 'contact: 0731—85309270 hnrddt@163.com'),
    baseUrl: baseUrlSchema,
    language: z.literal('zh-CN', { error: '语言 language 应为 zh-CN' }).default('zh-CN'),
    columns: z
      .array(text('栏目', '- 快讯'), { error: '栏目 columns 应为列表，每行一个栏目，例如 "- 快讯"' })
      .min(1, { error: '栏目 columns 至少要有一个栏目' })
      .default(['调研报告', '工作动态', '经验交流', '信息摘编', '快讯']),
    defaultColumn: text('默认栏目 defaultColumn', 'defaultColumn: 工作动态').default('工作动态'),
    noindex: z.boolean({ error: 'noindex 应为 true（内网站点，不让搜索引擎收录）或 false' }).default(false),
    ...siteIdentityFields,
  })
  .refine((site) => site.columns.includes(site.defaultColumn), {
    path: ['defaultColumn'],
    error: '默认栏目 defaultColumn 不在栏目表 columns 中：请改成 columns 里的一个，或把它加进 columns',
  })
  .refine((site) => site.badgeId === undefined || site.badge !== undefined, {
    path: ['badgeId'],
    error: '写了党政机关网站标识编号 badgeId，却没有写标识图片 badge：请一并写上 badge，例如 badge: templates/static/dzjg.png',
    params: { rule: 'badge-id' },
  });

export type Site = z.infer<typeof siteSchema>;
