// baseUrl in site.yml: the address the site is published at, http(s)://host/path/. It is written
// into canonical links, the feed and the sitemap, and pages are checked against its origin, so
// nothing else will do: no other scheme (javascript:, data:, file:), a host, no user name or
// password, no query or fragment. It is kept as the URL parser spells it, ending in a slash.
import { z } from '../vendor/zod.ts';

const EXAMPLE = '例如 https://example.gov.cn/lldt/';

/** Why the address cannot be the site's, or undefined when it can. */
function problemOf(written: string, url: URL | undefined): string | undefined {
  if (!url) return `网址 baseUrl 应为完整网址，${EXAMPLE}`;
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return `网址 baseUrl 应以 https:// 或 http:// 开头，${EXAMPLE}`;
  if (!/^https?:\/\/[^/\\?#\s]/i.test(written)) return `网址 baseUrl 应以 https:// 或 http:// 开头，紧接着写域名，${EXAMPLE}`;
  if (url.username || url.password) return `网址 baseUrl 不能含用户名或密码（@ 之前的部分），${EXAMPLE}`;
  if (written.includes('?') || written.includes('#')) return `网址 baseUrl 只写到路径为止，不能带 ? 或 # 及其后的部分，${EXAMPLE}`;
  return undefined;
}

export const baseUrlSchema = z
  .string({ error: `网址 baseUrl 应为完整网址，${EXAMPLE}` })
  .trim()
  .transform((written, context) => {
    let url: URL | undefined;
    try {
      url = new URL(written);
    } catch {
      url = undefined;
    }
    const problem = problemOf(written, url);
    if (problem !== undefined || !url) {
      context.addIssue({ code: 'custom', message: problem });
      return z.NEVER;
    }
    if (!url.pathname.endsWith('/')) url.pathname += '/';
    return url.href;
  });
