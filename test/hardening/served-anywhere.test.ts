// Issue 23, classes 1 and 12: an address is judged as a browser judges it from every place the
// page may be served from (https, http, a mirror under another name), a scheme in any case is
// read as the browser reads it, and what is removed is said, never dropped silently. Titles lose
// their bidirectional controls, with a warning.
import type { Element } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { visit } from 'unist-util-visit';
import { describe, expect, it } from 'vitest';
import { servedAs } from '../../src/markdown/plugins/rehype-local-resources.ts';
import { renderBody } from './render.ts';

const PAGES = servedAs(new URL('https://example.org/2019/02/'));

/** The addresses of the rendered HTML, by attribute, each resolved from every page. */
function addresses(html: string): { attribute: string; value: string }[] {
  const found: { attribute: string; value: string }[] = [];
  visit(fromHtml(html, { fragment: true }), 'element', (node: Element) => {
    for (const attribute of ['src', 'href', 'cite', 'srcSet', 'poster']) {
      const value = node.properties[attribute];
      if (value !== undefined) found.push({ attribute, value: String(value) });
    }
  });
  return found;
}

const resolve = (value: string, page: URL) => {
  try {
    return new URL(value, page);
  } catch {
    return undefined;
  }
};

describe('images load from the page’s own host, from every place it is served from', () => {
  it.each([
    'http:evil.example/x.png',
    'https:evil.example/x.png',
    'HTTP:evil.example/x.png',
    'hTtPs:evil.example/x.png',
    'http:\\\\evil.example/x.png',
    'https://example.org/x.png',
    'http://example.org/x.png',
    '//example.org/x.png',
    'HTTPS://EXAMPLE.ORG/x.png',
    'https://example.org:443/x.png',
    'ftp://example.org/x.png',
    'data:image/png;base64,iVBORw0KGgo=',
  ])('removes %s, with a warning', (address) => {
    for (const body of [`![图](${address.replace(/ /g, '%20')})`, `<img src="${address}" alt="图">`]) {
      const { html, messages } = renderBody(`# 标题\n\n正文\n\n${body}\n`);
      for (const { attribute, value } of addresses(html)) {
        for (const page of PAGES) expect([address, attribute, resolve(value, page)?.origin]).toEqual([address, attribute, page.origin]);
      }
      expect(messages.some((m) => m.endsWith('external-resource'))).toBe(true);
    }
  });

  it.each(['x.png', './x.png', '../01/x.png', '/x.png', 'x.png?v=1'])('keeps %s, which stays home everywhere', (address) => {
    const { html, messages } = renderBody(`# 标题\n\n正文\n\n![图](${address})\n`);
    expect(addresses(html)).toEqual([{ attribute: 'src', value: address }]);
    expect(messages).toEqual([]);
  });
});

describe('links read alike from every place, or removed with a warning', () => {
  it.each(['https:evil.example/', 'http:evil.example', 'HTTP:evil.example', 'Https:evil.example/a?b', 'http:/evil.example/'])(
    'removes %s, which leads to another host from some place',
    (address) => {
      for (const body of [`[链接](${address})`, `<a href="${address}">链接</a>`]) {
        const { html, messages } = renderBody(`# 标题\n\n正文${body}。\n`);
        expect([address, addresses(html)]).toEqual([address, []]);
        expect(messages.some((m) => m.endsWith('external-link'))).toBe(true);
      }
    },
  );

  it.each([
    ['HTTPS://other.example/a', 'https://other.example/a'],
    ['Http://other.example/', 'http://other.example/'],
    ['MAILTO:lianluo@example.org', 'mailto:lianluo@example.org'],
    ['MailTo:lianluo@example.org', 'mailto:lianluo@example.org'],
    ['https://example.org/2019/01/', 'https://example.org/2019/01/'],
    ['//other.example/x', '//other.example/x'],
  ])('keeps %s as the browser reads it', (address, kept) => {
    const { html, messages } = renderBody(`# 标题\n\n正文[链接](${address})。\n`);
    expect(addresses(html)).toEqual([{ attribute: 'href', value: kept }]);
    expect(messages).toEqual([]);
  });

  it.each([
    'ftp://files.example/a.doc',
    'FTP://files.example/',
    'javascript:alert(1)',
    'JAVASCRIPT:alert(1)',
    'java\tscript:alert(1)',
    'vbscript:x',
    'file:///etc/passwd',
    'tel:110',
  ])('removes %s with a warning, never silently', (address) => {
    const { html, messages } = renderBody(`# 标题\n\n正文<a href="${address}">链接</a>。\n`);
    expect(addresses(html)).toEqual([]);
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatch(/ external-link$/);
  });
});

describe('bidirectional controls', () => {
  it.each([
    ['U+202E in the title', '\u202E', 'title'],
    ['U+202D in the title', '\u202D', 'title'],
    ['U+2067 in the title', '\u2067', 'title'],
    ['U+202B in a heading', '\u202B', 'heading'],
    ['U+2066 in the text', '\u2066', 'text'],
  ])('%s: removed from the page, with a warning at its line', (_, control, where) => {
    const title = where === 'title' ? `title: 关于${control}调研报告\n` : '';
    const heading = where === 'heading' ? `关于${control}调研` : '标题';
    const text = where === 'text' ? `正文${control}倒过来` : '正文';
    const { html, messages, file } = renderBody(`# ${heading}\n\n${text}\n`.replace(/^/, ''), undefined, title);
    expect(html + JSON.stringify(file.data)).not.toMatch(/[\u202A-\u202E\u2066-\u2069]/);
    expect(messages.filter((m) => m.endsWith('bidi-character'))).toHaveLength(1);
  });

  it('arrive by an escape in front matter or HTML, and are removed alike', () => {
    const { html, messages } = renderBody('# 标题\n\n正文&#x202E;倒过来<span title="&#8238;">字</span>\n');
    expect(html).not.toMatch(/[\u202A-\u202E\u2066-\u2069]/);
    expect(messages.filter((m) => m.endsWith('bidi-character')).length).toBeGreaterThanOrEqual(1);
  });
});
