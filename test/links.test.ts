import { describe, expect, it } from 'vitest';
import { findBrokenLinks } from './links.ts';

describe('findBrokenLinks', () => {
  const site = new Map<string, string>([
    ['index.html', '<a href="./2019/">年</a><a href="2019/09/#article-1">文</a><link href="assets/style.css?v=1">'],
    ['2019/index.html', '<a href="../2019/09/">期</a>'],
    ['2019/09/index.html', '<section id="article-1"></section><a href="#article-1">目录</a><a href="https://www.npc.gov.cn/">外</a>'],
    ['assets/style.css', 'body { background: url("bg.png") }'],
    ['assets/bg.png', ''],
    ['404.html', '<a href="/lldt/">首页</a>'],
  ]);

  it('finds nothing wrong with a whole site', () => {
    expect(findBrokenLinks(site, '/lldt/')).toEqual([]);
  });

  it('finds a missing page, a missing anchor and a missing asset', () => {
    const broken = new Map(site);
    broken.set('2019/index.html', '<a href="../2019/08/">期</a><a href="09/#article-2">文</a><img src="../assets/x.png" alt="">');
    expect(findBrokenLinks(broken, '/lldt/')).toEqual([
      { page: '2019/index.html', target: '../2019/08/', reason: 'no such file' },
      { page: '2019/index.html', target: '09/#article-2', reason: 'no id "article-2" on 2019/09/index.html' },
      { page: '2019/index.html', target: '../assets/x.png', reason: 'no such file' },
    ]);
  });
});
