// Stage 6: pages rendered from the Nunjucks templates. The templates are compiled, and the
// assets read, once for each version of templates/ (Templates); each page is rendered from its
// source (page-list.ts) alone.
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import nunjucks from 'nunjucks';
import { CATALOGUE } from '../messages/catalogue.ts';
import { Failure } from '../messages/failure.ts';
import type { SiteOutput } from '../model/output.ts';
import { chineseDate, chineseMonthDay, chineseNumber, padName } from '../text/chinese.ts';
import { keepNumbersWhole } from '../text/keep-numbers.ts';
import { wordBreaks } from '../text/word-breaks.ts';
import { versionAssets, versionOf } from './asset-versions.ts';
import type { PageSource } from './page-list.ts';
import { nameFilterErrors, TemplateError } from './template-errors.ts';

function createEnvironment(templatesDir: string): nunjucks.Environment {
  const env = new nunjucks.Environment(new nunjucks.FileSystemLoader(templatesDir, { noCache: false }), {
    autoescape: true,
    throwOnUndefined: false,
    trimBlocks: true,
    lstripBlocks: true,
  });
  env.addFilter('chineseDate', chineseDate);
  env.addFilter('monthDay', chineseMonthDay);
  env.addFilter('chineseNumber', chineseNumber);
  env.addFilter('padName', padName);
  // Titles break between words only: <wbr> where they may, with word-break: keep-all in the styles.
  env.addFilter('wordBreaks', (text: string) => new nunjucks.runtime.SafeString(wordBreaks(String(text ?? ''))));
  env.addFilter('keepNumbers', (text: string) => new nunjucks.runtime.SafeString(keepNumbersWhole(String(text ?? ''))));
  nameFilterErrors(env);
  return env;
}

/**
 * Compiles every template before any page is rendered, so that a syntax error, even in a partial,
 * is reported at its own file and line: nunjucks throws an included template's error later, from
 * its own queue, where no try can catch it.
 */
async function compileTemplates(env: nunjucks.Environment, templatesDir: string, projectDir: string): Promise<void> {
  if (!(await stat(templatesDir).catch(() => undefined))?.isDirectory()) {
    throw Failure.of(CATALOGUE.templatesMissing, { folder: path.relative(projectDir, templatesDir) || templatesDir });
  }
  const names = (await readdir(templatesDir, { recursive: true })).filter((name) => name.endsWith('.njk')).sort();
  for (const name of names) {
    try {
      env.getTemplate(name.split(path.sep).join('/'), true);
    } catch (error) {
      throw TemplateError.from(error, templatesDir, projectDir);
    }
  }
}

/** Every file under dir, as output paths under prefix (dotfiles such as .htaccess included). */
async function readFolder(dir: string, prefix: string): Promise<SiteOutput> {
  const files: SiteOutput = new Map();
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  const names = entries.filter((e) => e.isFile()).map((e) => path.relative(dir, path.join(e.parentPath, e.name)).split(path.sep).join('/'));
  for (const name of names.sort()) files.set(`${prefix}${name}`, await readFile(path.join(dir, name)));
  return files;
}

/**
 * templates/assets/ (styles, scripts, icons) goes to assets/; templates/static/, if there is one,
 * to the site's root as it is: files a host wants beside the pages (.htaccess, a verification file).
 */
async function readAssets(templatesDir: string): Promise<SiteOutput> {
  return new Map([...(await readFolder(path.join(templatesDir, 'static'), '')), ...(await readFolder(path.join(templatesDir, 'assets'), 'assets/'))]);
}

/** The templates of one version of templates/, compiled, with its assets. */
export interface Templates {
  /** The hash of every file under templates/ (build-keys.ts templatesKey): part of every page's key. */
  key: string;
  env: nunjucks.Environment;
  /** templates/assets/ and templates/static/, as output paths → contents as published (asset-versions.ts). */
  assets: SiteOutput;
  /** Each asset's version, for its address in the pages. */
  versions: Map<string, string>;
  templatesDir: string;
  /** The project folder, to name templates in messages. */
  projectDir: string;
}

/** Compiles the templates and reads the assets; a TemplateError names a template that does not compile. */
export async function loadTemplates(templatesDir: string, projectDir: string, key: string): Promise<Templates> {
  const env = createEnvironment(templatesDir);
  await compileTemplates(env, templatesDir, projectDir);
  const { files: assets, versions } = await versionAssets(await readAssets(templatesDir));
  return { key, env, assets, versions, templatesDir, projectDir };
}

/** One page, rendered from its source alone; a TemplateError names the template, its line and the page. */
export function renderPage(templates: Templates, { path: outputPath, template, data, root }: PageSource): string {
  const { env, versions, templatesDir, projectDir } = templates;
  const asset = (name: string) => `${root}${name}?v=${versions.get(name) ?? versionOf('')}`;
  try {
    return env.render(template, { ...data, root, asset });
  } catch (error) {
    throw TemplateError.from(error, templatesDir, projectDir, outputPath);
  }
}
