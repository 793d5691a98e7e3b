import { describe, expect, it } from 'vitest';
import { MINIMAL_SITE } from '../../test/site.ts';
import { siteSchema } from './site.ts';
import { siteIdentity } from './site-identity.ts';

/** The rule ids a site.yml with these settings is refused with (none: accepted). */
function rulesOf(settings: Record<string, unknown>): string[] {
  const result = siteSchema.safeParse({ ...MINIMAL_SITE, ...settings });
  if (result.success) return [];
  return result.error.issues.map((issue) => String((issue as { params?: { rule?: string } }).params?.rule ?? issue.code));
}

describe('the identification settings of site.yml', () => {
  it('are all optional', () => {
    expect(rulesOf({})).toEqual([]);
  });

  it.each([
    ['siteCode', 4300000001],
    ['siteCode', '4301000012'],
    ['siteCode', 'bm01000001'],
    ['icp', '湘ICP备12345678号'],
    ['icp', '湘ICP备12345678号-1'],
    ['icp', '京ICP备05070218号-12'],
    ['police', '湘公网安备 43010202000123号'],
    ['police', '湘公网安备43010202000123号'],
    ['police', '蜀公网安备 51010402000001号'],
    ['badge', 'templates/static/dzjg.png'],
    ['badge', 'templates/static/images/党政机关.svg'],
    ['badge', 'content/dzjg.jpg'],
  ])('accept %s: %s', (key, value) => {
    expect(rulesOf({ [key]: value })).toEqual([]);
  });

  it.each([
    ['siteCode', 43000, 'site-code'],
    ['siteCode', '43000000011', 'site-code'],
    ['siteCode', 'BM0100000A', 'site-code'],
    ['icp', '湘ICP备12345678', 'icp-number'],
    ['icp', 'ICP备12345678号', 'icp-number'],
    ['icp', '湘ICP证12345678号', 'icp-number'],
    ['icp', '湘ＩＣＰ备12345678号', 'icp-number'],
    ['police', '湘公网安备 4301020200012号', 'police-number'],
    ['police', '湘公网安备 43010202000123', 'police-number'],
    ['police', '粤公网安备 43010202000123号', 'police-number'],
    ['badge', 'dzjg.png', 'badge-image'],
    ['badge', 'content/images/dzjg.png', 'badge-image'],
    ['badge', 'templates/static/../../secret.png', 'badge-image'],
    ['badge', 'templates/static/dzjg.exe', 'badge-image'],
    ['badgeId', '12345', 'badge-id'],
  ])('refuse %s: %s', (key, value, rule) => {
    expect(rulesOf({ [key]: value, badge: key === 'badgeId' ? 'content/dzjg.png' : key === 'badge' ? value : undefined })).toEqual([rule]);
  });

  it('refuse a badgeId without its badge', () => {
    expect(rulesOf({ badgeId: '0123456789ABCDEF0123456789ABCDEF' })).toEqual(['badge-id']);
  });

  it('say what is wrong in Chinese, with an example', () => {
    const result = siteSchema.safeParse({ ...MINIMAL_SITE, police: '粤公网安备 43010202000123号' });
    expect(result.error?.issues[0]?.message).toBe('公安机关备案号 police 的编号 43010202000123 应以粤的区划代码 44 开头：请对照备案系统核对省份简称和编号');
  });
});

describe('siteIdentity', () => {
  it('shows nothing for a site without the settings, and gives its domain', () => {
    expect(siteIdentity(MINIMAL_SITE)).toEqual({ domain: 'example.org', shown: false });
  });

  it('links each record where the convention links it', () => {
    const identity = siteIdentity({
      ...MINIMAL_SITE,
      baseUrl: 'https://www.example.gov.cn:8443/lldt/',
      siteCode: '4300000001',
      icp: '湘ICP备12345678号-1',
      police: '湘公网安备 43010202000123号',
      badge: 'templates/static/标识/dzjg.png',
      badgeId: '0123456789ABCDEF0123456789ABCDEF',
    });
    expect(identity).toEqual({
      domain: 'www.example.gov.cn:8443',
      shown: true,
      siteCode: '4300000001',
      icp: { text: '湘ICP备12345678号-1', href: 'https://beian.miit.gov.cn/' },
      police: { text: '湘公网安备 43010202000123号', href: 'https://beian.mps.gov.cn/#/query/webSearch?code=43010202000123' },
      badge: { src: '%E6%A0%87%E8%AF%86/dzjg.png', href: 'https://bszs.conac.cn/sitename?method=show&id=0123456789ABCDEF0123456789ABCDEF' },
    });
  });

  it('shows the badge unlinked when it has no id', () => {
    expect(siteIdentity({ ...MINIMAL_SITE, badge: 'content/dzjg.png' }).badge).toEqual({ src: 'dzjg.png', href: undefined });
  });
});
