import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import { hashOfValue } from '../cache/cache.ts';
import type { Article } from '../model/issue.ts';
import type { Site } from '../model/site.ts';
import type { SourceIssue } from './parse-issue.ts';
import { resolveIssue } from './resolve-issue.ts';

const SITE = { editors: ['石韧'], contact: '0731—85309270', publisher: '湖南省人大常委会选举任免联络工作委员会', title: '联络动态' } as unknown as Site;
const ARTICLES: Article[] = [{ id: 'article-1', column: '工作动态', title: '标题', label: '标题', html: '<p>正文</p>' }];

const source = (meta: Partial<SourceIssue['meta']> = {}): SourceIssue =>
  ({
    file: new VFile({ path: 'content/2019/09.md' }),
    meta: { issue: 9, total: 583, date: '2019-04-29', distribution: ['各市州人大常委会'], ...meta },
  }) as SourceIssue;

describe('an issue’s hash, made from its file’s key and the site’s defaults', () => {
  it('is the same for the same file key and defaults, and another for another of either', () => {
    const hash = (site: Site, key: string) => hashOfValue(resolveIssue(source(), site, ARTICLES, key));
    const first = hash(SITE, 'file-1');
    expect(hash(SITE, 'file-1')).toBe(first);
    expect(hash(SITE, 'file-2')).not.toBe(first);
    expect(hash({ ...SITE, editors: ['吴静波'] }, 'file-1')).not.toBe(first);
    expect(hash({ ...SITE, contact: '0731—85309271' }, 'file-1')).not.toBe(first);
    expect(hash({ ...SITE, publisher: '联络工作委员会' }, 'file-1')).not.toBe(first);
    // A setting the issue does not take leaves it as it is.
    expect(hash({ ...SITE, title: '另一个标题' } as Site, 'file-1')).toBe(first);
  });

  it('covers every setting of the site the issue is made with', () => {
    const read = new Set<string>();
    const watched = new Proxy(SITE, {
      get(target, name, receiver) {
        read.add(String(name));
        return Reflect.get(target, name, receiver);
      },
    });
    resolveIssue(source({ editors: undefined, contact: undefined, publisher: undefined }), watched, ARTICLES, 'file-1');
    expect([...read].sort()).toEqual(['contact', 'editors', 'publisher']);
  });

  it('is the hash of the issue’s own values when no file key is given', () => {
    const issue = resolveIssue(source(), SITE, ARTICLES);
    const same = resolveIssue(source(), SITE, ARTICLES);
    const other = resolveIssue(source({ total: 584 }), SITE, ARTICLES);
    expect(hashOfValue(issue)).toBe(hashOfValue(same));
    expect(hashOfValue(other)).not.toBe(hashOfValue(issue));
  });
});
