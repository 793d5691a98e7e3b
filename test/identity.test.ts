// A site of a Party or state organ: the identification at the foot of every page (网站标识码, ICP
// and 公安 records with their links, the 党政机关网站标识 published from content/ or
// templates/static/), the metadata that collecting systems read on every kind of page, and a
// site without the settings (an intranet) left as it was.
import { copyFile, cp, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { SiteOutput } from '../src/model/output.ts';
import { build } from './build.ts';
import { copyProject } from './cli.ts';
import { FIXTURES_DIR, makeSite, TEMPLATES_DIR } from './site.ts';

const BADGE = path.join(FIXTURES_DIR, 'identity', 'content', 'dzjg.png');

async function site(...fixtures: string[]): Promise<SiteOutput> {
  const result = await build({ projectDir: await makeSite(...fixtures), templatesDir: TEMPLATES_DIR, search: false });
  expect(result.ok).toBe(true);
  return result.output!;
}

/** The <meta name> tags of a page, name → content. */
function metadata(html: string): Record<string, string> {
  const tags = [...html.matchAll(/<meta name="([A-Za-z]+)" content="([^"]*)">/g)];
  return Object.fromEntries(tags.map(([, name, content]) => [name!, content!]).filter(([name]) => /^[A-Z]/.test(name!)));
}

const footerOf = (html: string) => html.slice(html.indexOf('<footer class="site-footer">'), html.lastIndexOf('</footer>'));

describe('a site with the identification settings', async () => {
  const output = await site('identity');
  const page = (file: string) => String(output.get(file));

  it('shows them at the foot of every page, each linked where the convention links it', () => {
    for (const file of ['index.html', '2019/index.html', '2019/01/index.html', 'archive/index.html', 'search/index.html', '404.html']) {
      const footer = footerOf(page(file));
      expect(footer).toContain('主办单位\uFF1A湖南省人大常委会选举任免联络工作委员会');
      expect(footer).toContain('联系方式\uFF1A<span class="nowrap">0731—00000000</span> <span class="nowrap">lldt@example.org</span></span>');
      expect(footer).toContain('网站标识码\uFF1A<span class="nowrap">4300000000</span>');
      expect(footer).toContain('<a href="https://beian.miit.gov.cn/">湘ICP备<span class="nowrap">00000000号-1</span></a>');
      expect(footer).toContain(
        '<a href="https://beian.mps.gov.cn/#/query/webSearch?code=43000000000000">湘公网安备 <span class="nowrap">43000000000000号</span></a>',
      );
      expect(footer).toContain('<a href="https://bszs.conac.cn/sitename?method=show&amp;id=0123456789ABCDEF0123456789ABCDEF"><img src="');
      expect(footer).toContain('<span class="nowrap">湘党简准字〔2000〕第28号</span>');
    }
    expect(footerOf(page('2019/01/index.html'))).toContain('<img src="../../dzjg.png" alt="党政机关网站标识\uFF1A核查本站身份">');
    expect(footerOf(page('404.html'))).toContain('<img src="/lldt/dzjg.png"');
  });

  it('publishes the 党政机关网站标识 from content/ beside the pages', async () => {
    expect(output.get('dzjg.png')).toEqual(await readFile(BADGE));
  });

  it('gives each kind of page the metadata that applies to it', () => {
    const site = { SiteName: '联络动态', SiteDomain: 'example.org', SiteIDCode: '4300000000' };
    expect(metadata(page('2019/01/index.html'))).toEqual({
      ...site,
      ColumnName: '联络动态',
      ArticleTitle: '联络动态 2019年第1期（总第575期）',
      PubDate: '2019-01-10',
      ContentSource: '湖南省人大常委会选举任免联络工作委员会',
    });
    expect(metadata(page('2019/index.html'))).toEqual({ ...site, ColumnName: '联络动态' });
    expect(metadata(page('archive/index.html'))).toEqual({ ...site, ColumnName: '联络动态' });
    for (const file of ['index.html', 'search/index.html', '404.html']) expect(metadata(page(file)), file).toEqual(site);
  });

  it('keeps the canonical and feed links', () => {
    expect(page('2019/01/index.html')).toContain('<link rel="canonical" href="https://example.org/lldt/2019/01/">');
    expect(page('2019/01/index.html')).toContain('<link rel="alternate" type="application/atom+xml" title="联络动态" href="../../feed.xml">');
  });
});

describe('a site without them (an intranet)', async () => {
  const output = await site();
  const page = (file: string) => String(output.get(file));

  it('keeps its footer: the 编印单位 and the 批准文号', () => {
    expect(footerOf(page('2019/01/index.html'))).toBe(
      '<footer class="site-footer">\n  <p><span class="phrase">测试编印单位编</span> <span class="nowrap">测试准字第1号</span></p>\n',
    );
  });

  it('still carries the metadata it has, without SiteIDCode', () => {
    expect(metadata(page('2019/01/index.html'))).toMatchObject({ SiteName: '联络动态', SiteDomain: 'example.org', PubDate: '2019-01-10' });
    expect(page('2019/01/index.html')).not.toContain('SiteIDCode');
  });
});

describe('the 党政机关网站标识', () => {
  it('is published from templates/static/ too, unlinked without its id', async () => {
    const projectDir = await makeSite('identity');
    await cp(TEMPLATES_DIR, path.join(projectDir, 'templates'), { recursive: true });
    await cp(BADGE, path.join(projectDir, 'templates', 'static', 'dzjg.png'));
    const siteFile = path.join(projectDir, 'content', 'site.yml');
    const text = await readFile(siteFile, 'utf8');
    await writeFile(siteFile, text.replace('badge: content/dzjg.png', 'badge: templates/static/dzjg.png').replace(/^badgeId:.*\n/m, ''));
    const result = await build({ projectDir, search: false });
    expect(result.ok).toBe(true);
    expect(result.output!.get('dzjg.png')).toEqual(await readFile(BADGE));
    expect(footerOf(String(result.output!.get('index.html')))).toContain('<p class="site-badge"><img src="./dzjg.png" alt="党政机关网站标识"></p>');
  });

  it('in content/ is part of the whole build’s key: a new image is published', async () => {
    const dir = await copyProject();
    await copyFile(BADGE, path.join(dir, 'content', 'dzjg.png'));
    await writeFile(path.join(dir, 'content', 'site.yml'), `${await readFile(path.join(dir, 'content', 'site.yml'), 'utf8')}badge: content/dzjg.png\n`);
    const warm = { projectDir: dir, outDir: path.join(dir, 'dist'), write: true, search: false };
    expect((await build(warm)).ok).toBe(true);
    expect((await build(warm)).upToDate).toBe(true);
    const changed = Buffer.concat([await readFile(BADGE), Buffer.from([0])]);
    await writeFile(path.join(dir, 'content', 'dzjg.png'), changed);
    const again = await build(warm);
    expect(again.upToDate).toBe(false);
    expect(await readFile(path.join(dir, 'dist', 'dzjg.png'))).toEqual(changed);
  });
});
