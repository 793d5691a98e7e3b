// Hostile input: raw HTML and front-matter values that try to run script, load from other
// hosts or break the page. The build must keep what an article may hold and drop the rest.
import { describe, expect, it } from 'vitest';
import { build } from './build.ts';
import { makeSite, TEMPLATES_DIR } from './site.ts';

async function hostilePage(): Promise<{ html: string; warnings: string[] }> {
  const projectDir = await makeSite('hostile');
  const result = await build({ projectDir, templatesDir: TEMPLATES_DIR, write: false });
  expect(result.ok).toBe(true);
  const warnings = result.files.flatMap((f) => f.messages.map((m) => `${m.line}:${m.ruleId}`));
  return { html: String(result.output!.get('2019/02/index.html')), warnings };
}

/** The page's own markup is trusted; what came from the issue file sits in the article and the 版记. */
function untrusted(html: string): string {
  const start = html.indexOf('<article class="bulletin">');
  return html.slice(start, html.indexOf('</article>', start));
}

describe('hostile input', () => {
  it('runs no script of its own and keeps no handler, javascript: link, frame, style or meta', async () => {
    const body = untrusted((await hostilePage()).html);
    expect(body).not.toMatch(/<script/i);
    expect(body).not.toMatch(/<[^>]*\son[a-z]+\s*=/i);
    expect(body).not.toMatch(/<[^>]*javascript:/i);
    expect(body).not.toMatch(/<(iframe|style|meta|svg|form|input)\b/i);
    expect(body).not.toMatch(/<[^>]*\sstyle\s*=/i);
    expect(body).not.toContain('evil.example');
  });

  it('escapes front-matter values wherever they are printed', async () => {
    const { html } = await hostilePage();
    expect(html).toContain('&lt;script&gt;window.pwned = &#39;title&#39;&lt;/script&gt;专刊');
    expect(html).toContain('<li>&lt;img src=x onerror=&quot;window.pwned=&#39;distribution&#39;&quot;&gt;甲单位</li>');
    expect(html).toContain('<li>乙单位&lt;/li&gt;&lt;li&gt;伪造的一行</li>');
    expect(html).not.toContain('<b onmouseover');
  });

  it('keeps the markup an article may hold: emphasis, links, tables, footnotes, site images', async () => {
    const body = untrusted((await hostilePage()).html);
    expect(body).toContain('<strong>加粗</strong>');
    expect(body).toContain('<sup>上标</sup>');
    expect(body).toContain('<a href="../../2019/01/">站内链接</a>');
    expect(body).toContain('<a href="https://www.npc.gov.cn/">外部网站</a>');
    expect(body).toMatch(/<table>[\s\S]*<td>接待群众<\/td>/);
    expect(body).toContain('<img src="photo.png" alt="站内图片">');
    expect(body).toContain('href="#article-1-user-content-fn-1"');
    expect(body).toContain('id="article-1-user-content-fn-1"');
  });

  it('tells the editor where an image from another host was dropped', async () => {
    const { warnings } = await hostilePage();
    expect(warnings).toContain('41:external-resource');
  });

  it('publishes an image without alt valid, with alt="", and tells the editor at its line', async () => {
    const { html, warnings } = await hostilePage();
    expect(untrusted(html)).toContain('<img src="x" alt="">');
    expect(warnings).toContain('15:image-alt');
    expect(warnings).not.toContain('39:image-alt');
  });
});
