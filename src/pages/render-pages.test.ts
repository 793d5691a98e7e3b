import { mkdir, mkdtemp, rename, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import nunjucks from 'nunjucks';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Cache } from '../cache/cache.ts';
import { loadTemplates, renderPage } from './render-pages.ts';
import { TemplateError } from './template-errors.ts';

/** A project whose templates/ holds these files, with a build cache. */
async function project(files: Record<string, string>): Promise<{ dir: string; templatesDir: string; cache: Cache }> {
  const dir = await mkdtemp(path.join(tmpdir(), 'lldt-render-'));
  const templatesDir = path.join(dir, 'templates');
  await mkdir(path.join(templatesDir, 'partials'), { recursive: true });
  for (const [name, text] of Object.entries(files)) await writeFile(path.join(templatesDir, name), text);
  return { dir, templatesDir, cache: new Cache(path.join(dir, '.cache', 'build')) };
}

const FILES = {
  'page.njk': '{% extends "partials/base.njk" %}{% block body %}{{ title | chineseNumber }}{% endblock %}',
  'partials/base.njk': '<main>{% block body %}{% endblock %}</main>{% include "partials/foot.njk" %}',
  'partials/foot.njk': '<footer>{{ root }}</footer>',
};
const PAGE = { path: 'index.html', template: 'page.njk', data: { title: 583 }, root: './' };

describe('the templates compiled', () => {
  afterEach(() => vi.restoreAllMocks());

  it('are taken from the cache by the next run of the same tool, and render the same', async () => {
    const { dir, templatesDir, cache } = await project(FILES);
    const compile = vi.spyOn((nunjucks as unknown as { compiler: { compile: () => string } }).compiler, 'compile');
    const first = await loadTemplates(templatesDir, dir, 'templates-1', { cache, toolVersion: 'tool-1' });
    expect(compile).toHaveBeenCalledTimes(3);
    const page = renderPage(first, PAGE);
    expect(page).toBe('<main>五百八十三</main><footer>./</footer>');

    const again = await loadTemplates(templatesDir, dir, 'templates-1', { cache: new Cache(path.join(dir, '.cache', 'build')), toolVersion: 'tool-1' });
    expect(compile).toHaveBeenCalledTimes(3);
    expect(renderPage(again, PAGE)).toBe(page);

    // A template changed is compiled again, alone; another tool compiles every template again.
    await writeFile(path.join(templatesDir, 'partials', 'foot.njk'), '<footer>{{ root }}。</footer>');
    const edited = await loadTemplates(templatesDir, dir, 'templates-2', { cache, toolVersion: 'tool-1' });
    expect(compile).toHaveBeenCalledTimes(4);
    expect(renderPage(edited, PAGE)).toBe('<main>五百八十三</main><footer>./。</footer>');
    await loadTemplates(templatesDir, dir, 'templates-2', { cache, toolVersion: 'tool-2' });
    expect(compile).toHaveBeenCalledTimes(7);
  });

  it('find a relative include in their own folder after the project is moved, cache and all', async () => {
    const files = { ...FILES, 'partials/base.njk': '<main>{% block body %}{% endblock %}</main>{% include "./foot.njk" %}' };
    const { dir, templatesDir, cache } = await project(files);
    const page = renderPage(await loadTemplates(templatesDir, dir, 'templates-1', { cache, toolVersion: 'tool-1' }), PAGE);
    expect(page).toBe('<main>五百八十三</main><footer>./</footer>');
    const moved = `${dir}-moved`;
    await rename(dir, moved);
    const cacheThere = new Cache(path.join(moved, '.cache', 'build'));
    const there = await loadTemplates(path.join(moved, 'templates'), moved, 'templates-1', { cache: cacheThere, toolVersion: 'tool-1' });
    expect(renderPage(there, PAGE)).toBe(page);
  });

  it('keep one folder’s templates for one tool in the cache', async () => {
    const { dir, templatesDir, cache } = await project(FILES);
    await loadTemplates(templatesDir, dir, 'templates-1', { cache, toolVersion: 'tool-1' });
    await loadTemplates(templatesDir, dir, 'templates-1', { cache, toolVersion: 'tool-2' });
    expect(await cache.versions('templates')).toHaveLength(1);
  });

  it('name a template that does not compile at its file and line, and cache nothing', async () => {
    const { dir, templatesDir, cache } = await project({ ...FILES, 'partials/foot.njk': '<footer>\n{% endfo %}</footer>' });
    const failure = await loadTemplates(templatesDir, dir, 'templates-1', { cache, toolVersion: 'tool-1' }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(TemplateError);
    expect([(failure as TemplateError).template, (failure as TemplateError).line, (failure as TemplateError).rule]).toEqual([
      path.join('templates', 'partials', 'foot.njk'),
      2,
      'template-syntax',
    ]);
    expect(await cache.versions('templates')).toEqual([]);
  });
});

describe('the templates’ code kept in the cache', () => {
  it('is compiled again from the template when it does not run', async () => {
    const { dir, templatesDir, cache } = await project(FILES);
    const first = await loadTemplates(templatesDir, dir, 'templates-1', { cache, toolVersion: 'tool-1' });
    const page = renderPage(first, PAGE);
    // An entry whole by its checksum but whose code throws: as if another tool had written it.
    const [entry] = await cache.versions('templates');
    const key = entry!.split(' ')[0]!;
    const kept = (await cache.readValue('templates', key, (v): v is Record<string, { source: string; code: string }> => typeof v === 'object' && v !== null))!;
    await cache.writeValue('templates', key, { ...kept, 'page.njk': { ...kept['page.njk']!, code: 'throw new Error("not a template")' } });
    const again = await loadTemplates(templatesDir, dir, 'templates-1', { cache: new Cache(path.join(dir, '.cache', 'build')), toolVersion: 'tool-1' });
    expect(renderPage(again, PAGE)).toBe(page);
  });
});
