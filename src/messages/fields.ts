// What each setting must be, in the words its schema reports when a value is not that: the fields
// of an issue's front matter (model/issue.ts) and of site.yml (model/site.ts, base-url.ts,
// site-identity.ts). One named entry per field, in the schema's order, so that a field's texts are
// found from its schema by its key. A text is reported whole, as the rule's message: under the
// rule the schema names (FIELD_RULES), or invalid-field when it names none.
import type { ContentEntry } from './catalogue.ts';

/** A rule whose messages are the field texts below: what it is about and how severe it is. */
export type FieldRule = Pick<ContentEntry<void>, 'rule' | 'title' | 'severity'>;

export const FIELD_RULES = {
  invalidField: { rule: 'invalid-field', title: '设置项的值不对（类型或格式）', severity: 'error' },
  siteCode: { rule: 'site-code', title: 'site.yml 的网站标识码 siteCode 格式不对', severity: 'error' },
  icpNumber: { rule: 'icp-number', title: 'site.yml 的 ICP 备案编号 icp 格式不对', severity: 'error' },
  policeNumber: { rule: 'police-number', title: 'site.yml 的公安机关备案号 police 格式不对，或与省份不符', severity: 'error' },
  badgeId: { rule: 'badge-id', title: 'site.yml 的 badgeId 格式不对，或没有 badge 图片', severity: 'error' },
} as const satisfies Record<string, FieldRule>;

/** A field of text: what it says when the value is not text, or is empty. */
export interface TextTexts {
  notText: string;
  empty: string;
}

/** A list of texts, one an item. */
export interface ListTexts {
  item: TextTexts;
  notList: string;
}

/** A setting checked by its format: the value as written is part of the text. */
export interface FormatTexts {
  notText: string;
  wrongFormat: (value: string) => string;
}

/** what: the field as editors know it, "联系方式 contact"; example: the line to copy, for site.yml. */
const text = (what: string, example?: string): TextTexts => ({
  notText: example === undefined ? `${what} 应为文字` : `${what} 应为文字，例如 ${example}`,
  empty: `${what} 不能为空`,
});

/** A list of the front matter, each item a line of its own. */
const lines = (what: string, example: string): ListTexts => ({
  item: text(what),
  notList: `${what} 应为列表，每项一行，以 "- " 开头，例如\n  - ${example}`,
});

/** The front matter of an issue (model/issue.ts, frontMatterSchema). */
export const ISSUE_FIELDS = {
  /** meant: the number the value reads as (１０, 第10期, 十), when it does. */
  issue: {
    notWhole: (meant?: number) => (meant ? `期号 issue 应写作阿拉伯数字：issue: ${meant}` : '期号 issue 应为整数，例如 issue: 9'),
    belowOne: '期号 issue 从 1 开始',
  },
  total: {
    notWhole: (meant?: number) => (meant ? `总期号 total 应写作阿拉伯数字：total: ${meant}` : '总期号 total 应为整数，例如 total: 583'),
    belowOne: '总期号 total 从 1 开始',
  },
  date: {
    notText: '日期 date 应写作 年-月-日，例如 date: 2019-04-29',
    /** Reported under invalid-date, with the articles' dates; meant: the day it reads as (2019-5-27, 2019年5月27日), when it does. */
    noSuchDate: (written: string, meant?: string) =>
      meant ? `日期 ${written} 应写作 年-月-日：date: ${meant}` : `日期 ${written} 不存在或格式不对，应写作 年-月-日，例如 2019-04-29`,
  },
  distribution: { ...lines('送 distribution', '全国人大常委会办公厅联络局'), none: '送 distribution 至少要有一行' },
  editors: lines('责任编辑 editors', '吴静波'),
  contact: text('联系方式 contact'),
  publisher: text('编印单位 publisher'),
  title: text('标题 title'),
  draft: { notBoolean: 'draft 应为 true 或 false' },
} as const;

const URL_EXAMPLE = '例如 https://example.gov.cn/lldt/';

/** content/site.yml (model/site.ts, siteSchema), with baseUrl (base-url.ts) and the identification (site-identity.ts). */
export const SITE_FIELDS = {
  title: text('刊名 title', 'title: 联络动态'),
  pinyin: text('刊名拼音 pinyin', 'pinyin: LIANLUODONGTAI'),
  publisher: text('编印单位 publisher', 'publisher: 湖南省人大常委会选举任免联络工作委员会'),
  approval: text('批准文号 approval', 'approval: 湘党简准字〔2000〕第28号'),
  editors: { item: text('责任编辑', '- 吴静波'), notList: '责任编辑 editors 应为列表，每行一人，例如 "- 吴静波"' } satisfies ListTexts,
  contact: text('联系方式 contact', 'contact: 0731—85309270 hnrddt@163.com'),
  baseUrl: {
    notAddress: `网址 baseUrl 应为完整网址，${URL_EXAMPLE}`,
    notHttp: `网址 baseUrl 应以 https:// 或 http:// 开头，${URL_EXAMPLE}`,
    noHost: `网址 baseUrl 应以 https:// 或 http:// 开头，紧接着写域名，${URL_EXAMPLE}`,
    credentials: `网址 baseUrl 不能含用户名或密码（@ 之前的部分），${URL_EXAMPLE}`,
    queryOrFragment: `网址 baseUrl 只写到路径为止，不能带 ? 或 # 及其后的部分，${URL_EXAMPLE}`,
  },
  language: { notChinese: '语言 language 应为 zh-CN' },
  columns: {
    item: text('栏目', '- 快讯'),
    notList: '栏目 columns 应为列表，每行一个栏目，例如 "- 快讯"',
    none: '栏目 columns 至少要有一个栏目',
  } satisfies ListTexts & { none: string },
  defaultColumn: {
    ...text('默认栏目 defaultColumn', 'defaultColumn: 工作动态'),
    notAColumn: '默认栏目 defaultColumn 不在栏目表 columns 中：请改成 columns 里的一个，或把它加进 columns',
  },
  noindex: { notBoolean: 'noindex 应为 true（内网站点，不让搜索引擎收录）或 false' },

  // The identification (site-identity.ts), each under its own rule.
  siteCode: {
    notText: '网站标识码 siteCode 应为文字',
    wrongFormat: (value: string) => `网站标识码 siteCode 应为 10 位数字（部门网站为 bm 加 8 位数字），例如 siteCode: 4300000001，现在写的是 ${value}`,
  } satisfies FormatTexts,
  icp: {
    notText: 'ICP 备案编号 icp 应为文字',
    wrongFormat: (value: string) => `ICP 备案编号 icp 应照备案系统中的写法，例如 icp: 湘ICP备12345678号 或 湘ICP备12345678号-1，现在写的是 ${value}`,
  } satisfies FormatTexts,
  police: {
    notText: '公安机关备案号 police 应为文字',
    wrongFormat: (value: string) =>
      `公安机关备案号 police 应照备案系统中的写法，例如 police: 湘公网安备 43010202000123号（省份简称、“公网安备”、14 位数字、“号”），现在写的是 ${value}`,
    /** The number does not begin with the region code of the province the record names. */
    wrongRegion: ({ code, province, region }: { code: string; province: string; region: string }) =>
      `公安机关备案号 police 的编号 ${code} 应以${province}的区划代码 ${region} 开头：请对照备案系统核对省份简称和编号`,
  },
  badge: {
    notText: '党政机关网站标识 badge 应为文字',
    wrongFormat: (value: string) =>
      `党政机关网站标识 badge 应为图片文件（.png、.gif、.jpg、.svg 或 .webp）的路径，放在 templates/static/ 下或直接放在 content/ 里，例如 badge: templates/static/dzjg.png，现在写的是 ${value}`,
  } satisfies FormatTexts,
  badgeId: {
    notText: '党政机关网站标识编号 badgeId 应为文字',
    wrongFormat: (value: string) =>
      `党政机关网站标识编号 badgeId 应为 32 位数字和字母（A 到 F），即标识核查网址中 id= 之后的部分，例如 badgeId: 0A1B2C3D4E5F60718293A4B5C6D7E8F9，现在写的是 ${value}`,
    withoutBadge: '写了党政机关网站标识编号 badgeId，却没有写标识图片 badge：请一并写上 badge，例如 badge: templates/static/dzjg.png',
  },
} as const;
