// Chinese text in the templates uses print punctuation: no half-width , : ; ( ) beside Chinese.
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { setChinesePunctuation } from '../src/markdown/plugins/remark-chinese-punctuation.ts';
import { TEMPLATES_DIR } from './site.ts';

const templates = (await readdir(TEMPLATES_DIR, { recursive: true })).filter((f) => f.endsWith('.njk')).sort();

describe('template typography', () => {
  it.each(templates)('%s has full-width punctuation beside Chinese', async (name) => {
    const lines = (await readFile(path.join(TEMPLATES_DIR, name), 'utf8')).split('\n');
    const wrong = lines.map((line, i) => [i + 1, line] as const).filter(([, line]) => setChinesePunctuation(line) !== line);
    expect(wrong).toEqual([]);
  });
});
