// Site-wide settings from content/site.yml: the schema and the type, made in one place.
import { SITE_FIELDS as FIELD, FIELD_RULES, type TextTexts } from '../messages/fields.ts';
import { z } from '../vendor/zod.ts';
import { baseUrlSchema } from './base-url.ts';
import { siteIdentityFields } from './site-identity.ts';

// Each field's texts are its entry in SITE_FIELDS (messages/fields.ts).
const text = (says: TextTexts) => z.string({ error: says.notText }).trim().min(1, { error: says.empty });

export const siteSchema = z
  .object({
    title: text(FIELD.title),
    pinyin: text(FIELD.pinyin),
    publisher: text(FIELD.publisher),
    approval: text(FIELD.approval),
    editors: z.array(text(FIELD.editors.item), { error: FIELD.editors.notList }),
    contact: text(FIELD.contact),
    baseUrl: baseUrlSchema,
    language: z.literal('zh-CN', { error: FIELD.language.notChinese }).default('zh-CN'),
    columns: z
      .array(text(FIELD.columns.item), { error: FIELD.columns.notList })
      .min(1, { error: FIELD.columns.none })
      .default(['调研报告', '工作动态', '经验交流', '信息摘编', '快讯']),
    defaultColumn: text(FIELD.defaultColumn).default('工作动态'),
    noindex: z.boolean({ error: FIELD.noindex.notBoolean }).default(false),
    ...siteIdentityFields,
  })
  .refine((site) => site.columns.includes(site.defaultColumn), {
    path: ['defaultColumn'],
    error: FIELD.defaultColumn.notAColumn,
  })
  .refine((site) => site.badgeId === undefined || site.badge !== undefined, {
    path: ['badgeId'],
    error: FIELD.badgeId.withoutBadge,
    params: { rule: FIELD_RULES.badgeId.rule },
  });

export type Site = z.infer<typeof siteSchema>;
