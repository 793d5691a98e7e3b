// The identification a site of a Party or state organ shows at the foot of every page
// (《政府网站发展指引》, 国办发〔2017〕47号): 网站标识码, ICP 备案编号, 公安机关备案号 and the
// 党政机关网站标识. The settings of site.yml, each checked by its format, and where each links.
import { HARDENED } from '../messages/catalogue.ts';
import { SITE_FIELDS as FIELD, FIELD_RULES, type FormatTexts } from '../messages/fields.ts';
import { z } from '../vendor/zod.ts';
import { badgeSitePath } from './output.ts';

/** The provinces' one-character names, as ICP and 公安 records begin, with the first two digits of their region code (GB/T 2260). */
const PROVINCES: Record<string, string> = {
  京: '11',
  津: '12',
  冀: '13',
  晋: '14',
  蒙: '15',
  辽: '21',
  吉: '22',
  黑: '23',
  沪: '31',
  苏: '32',
  浙: '33',
  皖: '34',
  闽: '35',
  赣: '36',
  鲁: '37',
  豫: '41',
  鄂: '42',
  湘: '43',
  粤: '44',
  桂: '45',
  琼: '46',
  渝: '50',
  川: '51',
  蜀: '51',
  贵: '52',
  黔: '52',
  云: '53',
  滇: '53',
  藏: '54',
  陕: '61',
  秦: '61',
  甘: '62',
  陇: '62',
  青: '63',
  宁: '64',
  新: '65',
};
const PROVINCE = `[${Object.keys(PROVINCES).join('')}]`;

/** 网站标识码: ten digits (the region's six-digit code and a serial number), or bm and eight digits for a department of the State Council. */
const SITE_CODE = /^(?:\d{10}|bm\d{8})$/;
/** ICP 备案编号: 湘ICP备12345678号, with the site's number after a hyphen when the record has several (-1). */
const ICP = new RegExp(`^${PROVINCE}ICP备\\d{6,10}号(?:-\\d{1,3})?$`);
/** 公安机关备案号: 湘公网安备 43010202000123号, fourteen digits that begin with the province's code. */
const POLICE = new RegExp(`^(${PROVINCE})公网安备 ?(\\d{14})号$`);
/** The 党政机关网站标识 image: a file of the project the site copies, under templates/static/ or directly in content/. */
const BADGE = /^(?:templates\/static\/(?:[^/\\]+\/)*|content\/)[^/\\]+\.(?:png|gif|jpe?g|svg|webp)$/i;
/** The id the 党政机关网站标识's verification page is known by (…sitename?method=show&id=…). */
const BADGE_ID = /^[0-9A-Fa-f]{32}$/;

const ICP_LINK = 'https://beian.miit.gov.cn/';
const POLICE_LINK = 'https://beian.mps.gov.cn/#/query/webSearch?code=';
const BADGE_LINK = 'https://bszs.conac.cn/sitename?method=show&id=';

/** A setting checked by its format, with its own rule id: its texts are its entry in SITE_FIELDS (messages/fields.ts). */
function formatted(says: Pick<FormatTexts, 'notText'>, rule: string, problem: (value: string) => string | undefined) {
  return z
    .string({ error: says.notText })
    .trim()
    .superRefine((value, context) => {
      const message = problem(value);
      if (message !== undefined) context.addIssue({ code: 'custom', message, params: { rule } });
    })
    .optional();
}

function policeProblem(value: string): string | undefined {
  const match = POLICE.exec(value);
  if (!match) return FIELD.police.wrongFormat(value);
  const [, province, code] = match;
  const region = PROVINCES[province!]!;
  if (code!.startsWith(region)) return undefined;
  return FIELD.police.wrongRegion({ code: code!, province: province!, region });
}

/** The settings, all optional: an intranet site has none. */
export const siteIdentityFields = {
  // YAML reads 4300000001 as a number: taken as the text it was written as.
  siteCode: z.preprocess(
    (value) => (Number.isSafeInteger(value) ? String(value) : value),
    formatted(FIELD.siteCode, FIELD_RULES.siteCode.rule, (value) => (SITE_CODE.test(value) ? undefined : FIELD.siteCode.wrongFormat(value))),
  ),
  icp: formatted(FIELD.icp, FIELD_RULES.icpNumber.rule, (value) => (ICP.test(value) ? undefined : FIELD.icp.wrongFormat(value))),
  police: formatted(FIELD.police, FIELD_RULES.policeNumber.rule, policeProblem),
  badge: formatted(FIELD.badge, HARDENED.badgeNotImage.rule, (value) =>
    BADGE.test(value) && !value.split('/').includes('..') ? undefined : FIELD.badge.wrongFormat(value),
  ),
  badgeId: formatted(FIELD.badgeId, FIELD_RULES.badgeId.rule, (value) => (BADGE_ID.test(value) ? undefined : FIELD.badgeId.wrongFormat(value))),
};

export interface SiteIdentity {
  /** The host of baseUrl, for the pages' metadata (SiteDomain). */
  domain: string;
  /** Whether any identification is set: an intranet site has none, and its footer stays as it was. */
  shown: boolean;
  siteCode?: string;
  icp?: { text: string; href: string };
  police?: { text: string; href: string };
  /** The badge's address relative to the site's root, and its verification page when badgeId is set. */
  badge?: { src: string; href?: string };
}

/** What the pages show of the settings: the footer's identification with the links the convention gives them, and the domain. */
export function siteIdentity(site: { baseUrl: string; siteCode?: string; icp?: string; police?: string; badge?: string; badgeId?: string }): SiteIdentity {
  const policeCode = site.police ? POLICE.exec(site.police)?.[2] : undefined;
  return {
    domain: new URL(site.baseUrl).host,
    shown: Boolean(site.siteCode || site.icp || site.police || site.badge),
    siteCode: site.siteCode,
    icp: site.icp ? { text: site.icp, href: ICP_LINK } : undefined,
    police: site.police ? { text: site.police, href: `${POLICE_LINK}${policeCode}` } : undefined,
    badge: site.badge
      ? { src: badgeSitePath(site.badge).split('/').map(encodeURIComponent).join('/'), href: site.badgeId ? `${BADGE_LINK}${site.badgeId}` : undefined }
      : undefined,
  };
}
