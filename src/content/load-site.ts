// Stage 2: site.yml → the Site settings, every problem reported at its line.
import type { VFile } from 'vfile';
import { SITE_YML_WHERE } from '../messages/parts.ts';
import { type Site, siteSchema } from '../model/site.ts';
import { parseYaml } from './parse-yaml.ts';
import { checkBadgeFile } from './site-badge.ts';
import { mendTypingSlips } from './typing-slips.ts';
import { validateWithSchema } from './validate-schema.ts';

const SITE_FIELD_NAMES: Record<string, string> = {
  title: '刊名',
  pinyin: '刊名拼音',
  publisher: '编印单位',
  approval: '批准文号',
  editors: '责任编辑',
  contact: '联系方式',
  baseUrl: '网址',
  language: '语言',
  columns: '栏目',
  defaultColumn: '默认栏目',
  noindex: '不让搜索引擎收录',
  siteCode: '网站标识码',
  icp: 'ICP 备案编号',
  police: '公安机关备案号',
  badge: '党政机关网站标识',
  badgeId: '党政机关网站标识编号',
};

export function loadSite(file: VFile): Site | undefined {
  if (file.messages.some((m) => m.fatal)) return undefined;
  const parsed = parseYaml(file, mendTypingSlips(file, String(file.value), SITE_FIELD_NAMES));
  if (!parsed) return undefined;
  const site = validateWithSchema(file, parsed, siteSchema, { where: SITE_YML_WHERE, fieldNames: SITE_FIELD_NAMES });
  return site && checkBadgeFile(file, parsed, site) ? site : undefined;
}
