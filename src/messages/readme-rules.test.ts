// The README lists every rule id, with one line each, so that an editor can look one up.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CATALOGUE, CONTENT, CONTENT_RULES, HARDENED } from './catalogue.ts';

describe('the README’s list of rule ids', () => {
  it('names every rule of the catalogue once, and no other', async () => {
    const readme = await readFile(path.resolve(import.meta.dirname, '../../README.md'), 'utf8');
    const listed = [...readme.matchAll(/^\| `([a-z0-9-]+)` \| (?:\d+) \|/gm)].map((m) => m[1]);
    const rules = new Set([
      ...[...Object.values(CONTENT), ...Object.values(HARDENED)].map((e) => e.rule),
      ...Object.keys(CONTENT_RULES),
      ...Object.values(CATALOGUE).map((e) => e.rule),
    ]);
    expect(new Set(listed)).toEqual(rules);
    expect(listed).toHaveLength(rules.size);
  });
});
