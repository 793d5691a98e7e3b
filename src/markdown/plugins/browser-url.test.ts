import { describe, expect, it } from 'vitest';
import { looksAbsolute, resolveAsBrowser, srcsetAddresses } from './browser-url.ts';

describe('srcset addresses, split as the HTML standard splits them', () => {
  it.each([
    ['a.png', ['a.png']],
    ['a.png 1x, b.png 2x', ['a.png', 'b.png']],
    ['  a.png   1x  ,  b.png  2x  ', ['a.png', 'b.png']],
    ['a.png,b.png', ['a.png,b.png']],
    ['a.png, b.png', ['a.png', 'b.png']],
    ['a.png,, b.png', ['a.png', 'b.png']],
    [',,a.png', ['a.png']],
    ['a.png 100w,b.png 200w', ['a.png', 'b.png']],
    ['a.png (1x, //evil/b.png) 2x, c.png', ['a.png', 'c.png']],
    ['a.png\t1x,\nb.png\f2x', ['a.png', 'b.png']],
    ['data:image/png;base64,AAA 1x, b.png 2x', ['data:image/png;base64,AAA', 'b.png']],
    ['', []],
    [' , , ', []],
  ])('%j', (srcset, addresses) => {
    expect(srcsetAddresses(srcset)).toEqual(addresses);
  });
});

describe('addresses as a browser reads them', () => {
  const page = new URL('https://example.org/lldt/2019/09/');
  it.each([
    ['photo.png', 'https://example.org/lldt/2019/09/photo.png'],
    ['/\\evil.example/x', 'https://evil.example/x'],
    ['\\\\evil.example\\x', 'https://evil.example/x'],
    ['ht\ttp\ns://evil.example/', 'https://evil.example/'],
    ['\u0000 //evil.example/', 'https://evil.example/'],
    ['https:evil.example', 'https://example.org/lldt/2019/09/evil.example'],
    ['http:evil.example', 'http://evil.example/'],
  ])('%j is %s', (address, href) => {
    expect(resolveAsBrowser(address, page)?.href).toBe(href);
  });

  it('reads none in an address the parser refuses', () => {
    expect(resolveAsBrowser('https://[bad/', page)).toBeUndefined();
    expect(resolveAsBrowser('http://exa mple.org/', page)).toBeUndefined();
  });

  it('tells addresses that say they may lead elsewhere', () => {
    expect(['https://x', 'HTTP://x', '//x', 'mailto:a@b', 'javascript:x'].every(looksAbsolute)).toBe(true);
    expect(['x.png', '/x', '/\\x', '\\\\x', ' //x', '\t//x', '#x', '?x'].some(looksAbsolute)).toBe(false);
  });
});
