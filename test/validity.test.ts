// What the build writes goes straight onto a web server: every page valid HTML
// (html-validate, recommended preset), and no broken internal link, anchor or asset,
// on the sample site and on a generated archive of hundreds of issues (both as written to disk).
import { HtmlValidate } from 'html-validate';
import { describe, expect, it } from 'vitest';
import type { SiteOutput } from '../src/model/output.ts';
import { findBrokenLinks } from './links.ts';
import { archiveSite, sampleSite } from './shared.ts';
import { readSite } from './site.ts';

const validator = new HtmlValidate({ extends: ['html-validate:recommended'] });

async function htmlErrors(output: SiteOutput): Promise<string[]> {
  const errors: string[] = [];
  for (const [file, content] of output) {
    if (!file.endsWith('.html')) continue;
    const report = await validator.validateString(String(content), file);
    for (const result of report.results) {
      for (const m of result.messages) errors.push(`${file}:${m.line}:${m.column} ${m.ruleId} ${m.message}`);
    }
  }
  return errors;
}

describe('the sample site', async () => {
  const output = await readSite(await sampleSite());

  it('passes html-validate with no error', async () => {
    expect(await htmlErrors(output)).toEqual([]);
  });

  it('has no broken internal link, anchor or asset', () => {
    expect(findBrokenLinks(output, '/lldt/')).toEqual([]);
  });
});

describe('a generated archive of 300 issues', async () => {
  const output = await readSite(await archiveSite());

  it('passes html-validate with no error', async () => {
    expect([...output.keys()].filter((f) => f.endsWith('.html')).length).toBeGreaterThan(300);
    expect(await htmlErrors(output)).toEqual([]);
  });

  it('has no broken internal link, anchor or asset', () => {
    expect(findBrokenLinks(output, '/lldt/')).toEqual([]);
  });
});
