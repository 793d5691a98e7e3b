// Deliberately broken sites (test/fixtures/invalid-*): each must fail with exactly the
// messages in its expected.txt, every one with its file, line, column and rule.
import { readdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatReport } from '../src/report.ts';
import { build } from './build.ts';
import { FIXTURES_DIR, makeSite, TEMPLATES_DIR } from './site.ts';

const invalid = readdirSync(FIXTURES_DIR).filter((name) => name.startsWith('invalid-'));

describe('invalid sites', () => {
  it.each(invalid)('%s is refused with its positioned messages', async (fixture) => {
    const projectDir = await makeSite(fixture);
    const result = await build({ projectDir, templatesDir: TEMPLATES_DIR, write: false });
    const expected = await readFile(path.join(FIXTURES_DIR, fixture, 'expected.txt'), 'utf8');
    expect(result.ok).toBe(false);
    expect(formatReport(result.files)).toBe(expected.trimEnd());
  });
});
