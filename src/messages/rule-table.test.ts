// docs/messages.md is made from the catalogue, and the catalogue's severities are those the checks
// really give: the exact reports the fixtures expect say 错误 or 警告 for each rule they show.
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { messagesDocument, ruleRows } from './rule-table.ts';

const root = path.resolve(import.meta.dirname, '../..');

describe('docs/messages.md', () => {
  it('is what the catalogue makes (after changing a message, run npm run docs:messages)', async () => {
    expect(await readFile(path.join(root, 'docs/messages.md'), 'utf8')).toBe(messagesDocument());
  });

  it('lists every rule once', () => {
    const rules = ruleRows().map((r) => r.rule);
    expect(new Set(rules).size).toBe(rules.length);
    expect(rules.length).toBeGreaterThan(60);
  });

  it('gives each rule the kind the checks really report it with', async () => {
    const kinds = new Map(ruleRows().map((r) => [r.rule, r.kind]));
    const fixtures = path.join(root, 'test/fixtures');
    const seen = new Set<string>();
    for (const name of await readdir(fixtures)) {
      const report = await readFile(path.join(fixtures, name, 'expected.txt'), 'utf8').catch(() => '');
      for (const [, kind, rule] of report.matchAll(/(错误|警告|提示)\uFF1A.*\[bulletin:([a-z-]+)\]$/gm)) {
        expect(kinds.get(rule!), rule).toBe(kind);
        seen.add(rule!);
      }
    }
    // The fixtures show both kinds, among them the warnings the hand-written table had wrong.
    expect(seen).toContain('unknown-key');
    expect(seen).toContain('issue-file-name');
    expect(seen).toContain('misplaced-issue');
  });
});
