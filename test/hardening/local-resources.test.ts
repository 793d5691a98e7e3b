// Issue 11, item 3: no page makes the reader's browser contact another host, however the address
// is spelled. Every case is rendered through the pipeline, and the page that comes out is
// read back the way a browser reads it (entities decoded, addresses resolved by the WHATWG URL
// parser against the page's address): nothing may load from another origin, and a link may lead
// elsewhere only when it says so.
import type { Element } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { visit } from 'unist-util-visit';
import { describe, expect, it } from 'vitest';
import { renderBody, siteWith } from './render.ts';

const PAGE = new URL('https://example.org/2019/02/');

/** Every address in the rendered HTML, as a browser would resolve it, by attribute. */
function resolvedAddresses(html: string): { attribute: string; url: URL | undefined }[] {
  const found: { attribute: string; url: URL | undefined }[] = [];
  visit(fromHtml(html, { fragment: true }), 'element', (node: Element) => {
    for (const [attribute, value] of Object.entries(node.properties)) {
      if (!['src', 'srcSet', 'poster', 'data', 'background', 'href', 'cite', 'longDesc', 'style', 'ping', 'action'].includes(attribute)) continue;
      // A srcset split generously (at every comma, as if each could start an address); any other value whole.
      const text = String(Array.isArray(value) ? value.join(' ') : value);
      for (const token of attribute === 'srcSet' ? text.split(/[\s,]+/).filter(Boolean) : [text]) {
        let url: URL | undefined;
        try {
          url = new URL(token.replace(/^url\(|\)$/g, ''), PAGE);
        } catch {
          url = undefined;
        }
        found.push({ attribute, url });
      }
    }
  });
  return found;
}

const loadsElsewhere = (html: string) =>
  resolvedAddresses(html).some(({ attribute, url }) => attribute !== 'href' && attribute !== 'cite' && attribute !== 'longDesc' && url?.origin !== PAGE.origin);

/** Image addresses: kept when a browser loads them from the page's own origin, removed otherwise. */
const IMAGES: [string, 'kept' | 'removed'][] = [
  // Local, however written.
  ['photo.png', 'kept'],
  ['./photo.png', 'kept'],
  ['../../2019/01/photo.png', 'kept'],
  ['/photo.png', 'kept'],
  ['?v=1', 'kept'],
  ['#top', 'kept'],
  // The site's own production address, or one relative only over https (issue 23): from a mirror,
  // an intranet copy or the preview, each loads another host.
  ['https://example.org/photo.png', 'removed'],
  ['https://example.org:443/photo.png', 'removed'],
  ['//example.org/photo.png', 'removed'],
  ['/\\example.org/photo.png', 'removed'],
  ['https:photo.png', 'removed'], // over http: https://photo.png/
  ['https:evil.example/x.png', 'removed'], // over http: https://evil.example/x.png
  ['/%2F/evil.example/x.png', 'kept'], // an encoded slash is no slash
  ['%2F%2Fevil.example/x.png', 'kept'],
  ['https:%2F%2Fevil.example/x.png', 'removed'], // over http: no address at all
  ['\u3000//evil.example/x.png', 'kept'], // an ideographic space is not trimmed: a path
  // Another host, in every spelling a browser accepts.
  ['https://evil.example/x.png', 'removed'],
  ['http://evil.example/x.png', 'removed'],
  ['HTTPS://evil.example/x.png', 'removed'], // (the sanitizer knows schemes in lower case only)
  ['hTtPs://evil.example/x.png', 'removed'],
  ['//evil.example/x.png', 'removed'],
  ['///evil.example/x.png', 'removed'],
  ['\\\\evil.example/x.png', 'removed'],
  ['/\\evil.example/x.png', 'removed'],
  ['\\/evil.example/x.png', 'removed'],
  ['https:\\\\evil.example\\x.png', 'removed'],
  ['https:/\\evil.example/x.png', 'removed'],
  ['https:///evil.example/x.png', 'removed'],
  ['http:evil.example/x.png', 'removed'], // another scheme than the page's: absolute
  ['http://example.org/photo.png', 'removed'], // another scheme: another origin
  ['https://example.org:8443/photo.png', 'removed'],
  ['https://example.org.evil.example/x.png', 'removed'],
  ['https://example.org@evil.example/x.png', 'removed'],
  ['https://evil.example\\@example.org/x.png', 'removed'],
  ['https://evil.example#@example.org/x.png', 'removed'],
  [' https://evil.example/x.png', 'removed'],
  ['\t//evil.example/x.png', 'removed'],
  ['/&#9;/evil.example/x.png', 'removed'],
  ['/&#10;/evil.example/x.png', 'removed'],
  ['/&#13;/evil.example/x.png', 'removed'],
  ['&#9;//evil.example/x.png', 'removed'],
  ['&#1;//evil.example/x.png', 'removed'],
  ['&#x1F;https://evil.example/x.png', 'removed'],
  ['ht&#9;tps://evil.example/x.png', 'removed'],
  ['h&#10;ttps://evil.example/x.png', 'removed'],
  ['https:&#9;//evil.example/x.png', 'removed'],
  ['&#47;&#47;evil.example/x.png', 'removed'],
  ['&#x5C;&#x5C;evil.example/x.png', 'removed'],
  ['/&bsol;evil.example/x.png', 'removed'],
  ['https://0x7f.0.0.1/x.png', 'removed'],
  ['https://[::1]/x.png', 'removed'],
  ['https://ｅｖｉｌ.example/x.png', 'removed'], // full-width letters: the parser maps them to evil.example
  ['javascript:alert(1)', 'removed'],
  ['JaVaScRiPt:alert(1)', 'removed'],
  ['java&#9;script:alert(1)', 'removed'],
  ['vbscript:msgbox(1)', 'removed'],
  ['data:image/png;base64,iVBORw0KGgo=', 'removed'],
  ['blob:https://evil.example/0b9f', 'removed'],
  ['file:///etc/passwd', 'removed'],
  ['ftp://evil.example/x.png', 'removed'],
];

describe('images and other loaded resources', () => {
  it.each(IMAGES)('<img src="%s"> is %s', (address, expected) => {
    const { html, messages } = renderBody(`# 标题\n\n<img src="${address}" alt="图">\n`);
    expect(loadsElsewhere(html)).toBe(false);
    if (expected === 'kept') {
      expect(html).toMatch(/<img src="[^"]*"/);
      expect(messages).toEqual([]);
    } else {
      expect(html).toContain('<img alt="图">');
    }
  });

  it.each([
    'https://evil.example/x.png',
    '//evil.example/x.png',
    '\\\\evil.example/x.png',
    '/\\evil.example/x.png',
    '\\/evil.example/x.png',
    'https:\\\\evil.example\\x.png',
    'http:evil.example/x.png',
    'https://example.org@evil.example/x.png',
    '\t//evil.example/x.png',
    '/&#10;/evil.example/x.png',
    '&#1;//evil.example/x.png',
    '&#x5C;&#x5C;evil.example/x.png',
  ])('the editor is told, at the line, that %s was removed', (address) => {
    const { messages } = renderBody(`# 标题\n\n正文。\n\n<img src="${address}" alt="图">\n`);
    expect(messages).toContain('12:1 external-resource');
  });

  // Markdown percent-encodes a backslash in an address (%5C): a path on the site.
  it.each([
    ['![图](https://evil.example/x.png)', 'removed'],
    ['![图](//evil.example/x.png)', 'removed'],
    ['![图](\\\\evil.example/x.png)', 'kept'],
    ['![图](/\\evil.example/x.png)', 'kept'],
    ['![图](<\\\\\\\\evil.example/x.png>)', 'kept'],
    ['![图](<&#9;//evil.example/x.png>)', 'kept'], // the tab too (%09)
    ['![图](<&#x5C;&#x5C;evil.example/x.png>)', 'kept'],
    ['![图](http:evil.example/x.png)', 'removed'],
    ['![图][ref]\n\n[ref]: //evil.example/x.png', 'removed'],
    ['![图](photo.png)', 'kept'],
    ['![图](https:photo.png)', 'removed'],
  ])('Markdown %s is %s', (markdown, expected) => {
    const { html } = renderBody(`# 标题\n\n${markdown}\n`);
    expect(loadsElsewhere(html)).toBe(false);
    expect(/<img [^>]*src=/.test(html)).toBe(expected === 'kept');
  });

  it.each([
    ['//evil.example/a.png', 'removed'],
    ['a.png 1x, //evil.example/b.png 2x', 'removed'],
    ['a.png 1x,//evil.example/b.png 2x', 'removed'],
    ['a.png,//evil.example/b.png', 'kept'], // one address: a comma not followed by whitespace is part of it
    ['a.png,,,//evil.example/b.png', 'kept'],
    ['a.png, //evil.example/b.png', 'removed'],
    ['a.png,, //evil.example/b.png', 'removed'],
    ['a.png 1x , \\\\evil.example/b.png 2x', 'removed'],
    ['a.png 100w, /\\evil.example/b.png 200w', 'removed'],
    ['&#9;//evil.example/a.png', 'removed'],
    ['a.png 1x, b.png 2x', 'kept'],
    ['a.png, b.png 2x', 'kept'],
    ['a.png (1x, //evil.example/b.png) 2x', 'kept'], // inside parentheses: a descriptor, not an address
  ])('<source srcset="%s"> is %s', (srcset, expected) => {
    const { html } = renderBody(`# 标题\n\n<picture><source srcset="${srcset}"><img src="a.png" alt="图"></picture>\n`);
    expect(html.includes('srcset=')).toBe(expected === 'kept');
    if (expected === 'removed') expect(loadsElsewhere(html)).toBe(false);
  });

  it.each([
    '<span style="background:url(//evil.example/x.png)">字</span>',
    '<span style="background:u\\72l(//evil.example/x.png)">字</span>',
    '<div style="background-image:image-set(&quot;//evil.example/x.png&quot; 1x)">字</div>',
    '<video poster="//evil.example/p.png" src="//evil.example/v.mp4"></video>',
    '<audio src="//evil.example/a.mp3"></audio>',
    '<object data="//evil.example/o.swf"></object>',
    '<embed src="//evil.example/e.swf">',
    '<iframe src="//evil.example/"></iframe>',
    '<table background="//evil.example/t.png"><tr><td background="//evil.example/d.png">格</td></tr></table>',
    '<a href="x" ping="//evil.example/ping">链</a>',
    '<link rel="stylesheet" href="//evil.example/s.css">',
    '<svg><image href="//evil.example/i.png"/></svg>',
    '<input type="image" src="//evil.example/i.png">',
    '<img src="a.png" srcset="//evil.example/b.png 2x" alt="图">',
    '<img src="a.png" lowsrc="//evil.example/b.png" dynsrc="//evil.example/c.png" alt="图">',
    '<form action="//evil.example/"><button formaction="//evil.example/">按</button></form>',
    '<base href="//evil.example/">',
    '<meta http-equiv="refresh" content="0;url=//evil.example/">',
  ])('%s loads nothing from another host', (markup) => {
    const { html } = renderBody(`# 标题\n\n正文。\n\n${markup}\n`);
    expect(loadsElsewhere(html)).toBe(false);
    expect(html).not.toMatch(/style=|<(video|audio|object|embed|iframe|link|svg|image|input|form|base|meta)\b|lowsrc|dynsrc|ping=/i);
  });

  it('reads addresses from every place the site may be served from, whatever its baseUrl', () => {
    const site = siteWith('https://www.example.gov.cn/lldt/');
    // The production address loads the production host from a mirror or the preview (issue 23).
    expect(renderBody('# 标题\n\n<img src="https://www.example.gov.cn/lldt/a.png" alt="图">\n', site).html).toContain('<img alt="图">');
    expect(renderBody('# 标题\n\n<img src="a.png" alt="图">\n', site).html).toContain('src="a.png"');
    expect(renderBody('# 标题\n\n<img src="https://example.org/a.png" alt="图">\n', site).html).toContain('<img alt="图">');
    // http:a.png is relative over http only: over https it is the host a.png.
    const plain = siteWith('http://example.org/');
    expect(renderBody('# 标题\n\n<img src="http:a.png" alt="图">\n', plain).html).toContain('<img alt="图">');
    expect(renderBody('# 标题\n\n<img src="https:evil.example/x.png" alt="图">\n', plain).html).toContain('<img alt="图">');
  });
});

/** Links: to another site only when written as such; never one that looks local and leads elsewhere. */
const LINKS: [string, 'kept' | 'removed'][] = [
  ['https://www.npc.gov.cn/', 'kept'],
  ['http://www.npc.gov.cn/', 'kept'],
  ['//www.npc.gov.cn/', 'kept'],
  ['mailto:hnrddt@163.com', 'kept'],
  ['../../2019/01/', 'kept'],
  ['/lldt/2019/01/', 'kept'],
  ['#article-1', 'kept'],
  ['https:photo.png', 'removed'], // over http: https://photo.png/ (issue 23)
  ['/\\evil.example/', 'removed'],
  ['\\\\evil.example/', 'removed'],
  ['\\/evil.example/', 'removed'],
  ['/&#9;/evil.example/', 'removed'],
  ['&#10;//evil.example/', 'removed'],
  [' //evil.example/', 'removed'],
  ['javascript:alert(1)', 'removed'],
  ['JAVASCRIPT:alert(1)', 'removed'],
  ['java&#9;script:alert(1)', 'removed'],
  ['&#1;javascript:alert(1)', 'removed'],
  [' javascript:alert(1)', 'removed'],
  ['vbscript:msgbox(1)', 'removed'],
  ['data:text/html,<script>alert(1)</script>', 'removed'],
  ['file:///etc/passwd', 'removed'],
];

describe('links', () => {
  it.each(LINKS)('<a href="%s"> is %s', (address, expected) => {
    const { html } = renderBody(`# 标题\n\n<a href="${address}">链接</a>\n`);
    expect(html.includes('href=')).toBe(expected === 'kept');
  });

  it.each(LINKS.filter(([, e]) => e === 'kept').map(([a]) => a))('Markdown [链接](%s) is kept', (address) => {
    expect(renderBody(`# 标题\n\n[链接](<${address}>)\n`).html).toContain('href=');
  });

  it('tells the editor where a link that looks local but leads elsewhere was removed', () => {
    const { messages, file } = renderBody('# 标题\n\n正文。\n\n<a href="/\\evil.example/">链接</a>\n');
    expect(messages).toEqual(['12:1 external-link']);
    expect(file.messages[0]!.reason).toContain('https://evil.example/');
  });

  it('keeps a quote\u2019s cite on the site or plainly elsewhere, never one that looks local', () => {
    expect(renderBody('# 标题\n\n<q cite="https://www.npc.gov.cn/">引</q>\n').html).toContain('cite=');
    expect(renderBody('# 标题\n\n<q cite="/\\evil.example/">引</q>\n').html).not.toContain('cite=');
  });
});
