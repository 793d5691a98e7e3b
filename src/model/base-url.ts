// baseUrl in site.yml: the address the site is published at, http(s)://host/path/. It is written
// into canonical links, the feed and the sitemap, and pages are checked against its origin, so
// nothing else will do: no other scheme (javascript:, data:, file:), a host, no user name or
// password, no query or fragment. It is kept as the URL parser spells it, ending in a slash.
import { SITE_FIELDS } from '../messages/fields.ts';
import { z } from '../vendor/zod.ts';

const FIELD = SITE_FIELDS.baseUrl;

/** Why the address cannot be the site's, or undefined when it can. */
function problemOf(written: string, url: URL | undefined): string | undefined {
  if (!url) return FIELD.notAddress;
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return FIELD.notHttp;
  if (!/^https?:\/\/[^/\\?#\s]/i.test(written)) return FIELD.noHost;
  if (url.username || url.password) return FIELD.credentials;
  if (written.includes('?') || written.includes('#')) return FIELD.queryOrFragment;
  return undefined;
}

export const baseUrlSchema = z
  .string({ error: FIELD.notAddress })
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
