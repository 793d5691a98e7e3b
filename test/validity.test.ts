// What the build writes goes straight onto a web server: every page valid HTML
// (html-validate, recommended preset), and no broken internal link, anchor or asset,
// on the sample site and on a generated archive of hundreds of issues.
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { HtmlValidate } from 'html-validate';
import { describe, expect, it } from 'vitest';
import { generateCorpus, writeCorpus } from '../bench/corpus.ts';
import { build } from './build.ts';
import { findBrokenLinks } from './links.ts';
import type { SiteOutput } from '../src/model/output.ts';
import { PROJECT_DIR, TEMPLATES_DIR } from './site.ts';

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

async function generatedSite(issues: number): Promise<SiteOutput> {
  const projectDir = await mkdtemp(path.join(tmpdir(), 'lldt-valid-'));
  await writeCorpus(projectDir, await generateCorpus(issues));
  const result = await build({ projectDir, templatesDir: TEMPLATES_DIR, write: false });
  expect(result.ok).toBe(true);
  return result.output!;
}

describe('the sample site', async () => {
  const result = await build({ projectDir: PROJECT_DIR, write: false });

  it('passes html-validate with no error', async () => {
    expect(await htmlErrors(result.output!)).toEqual([]);
  });

  it('has no broken internal link, anchor or asset', () => {
    expect(findBrokenLinks(result.output!, '/lldt/')).toEqual([]);
  });
});

describe('a generated archive of 300 issues', async () => {
  const output = await generatedSite(300);

  it('passes html-validate with no error', async () => {
    expect([...output.keys()].filter((f) => f.endsWith('.html')).length).toBeGreaterThan(300);
    expect(await htmlErrors(output)).toEqual([]);
  });

  it('has no broken internal link, anchor or asset', () => {
    expect(findBrokenLinks(output, '/lldt/')).toEqual([]);
  });
});
