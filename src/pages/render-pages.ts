// Stage 6: pages rendered from the Nunjucks templates. The templates are compiled, and the
// assets read, once for each version of templates/ (Templates); each page is rendered from its
// source (page-list.ts) alone.
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import nunjucks from 'nunjucks';
import { type Cache, hashOf } from '../cache/cache.ts';
import type { Namespace } from '../cache/namespaces.ts';
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
 * Each template's name (partials/head.njk) → the JavaScript Nunjucks compiled it to, with the hash
 * of the text it was compiled from.
 */
export type CompiledTemplates = Record<string, { source: string; code: string }>;

/** What Nunjucks compiles a template with (its Template's own init and _compile), which its types leave out. */
interface NunjucksInternals {
  compiler: { compile(source: string, asyncFilters: unknown, extensions: unknown, name: string, opts: unknown): string };
  lib: { _prettifyError(path: string, withInternals: boolean, error: unknown): Error };
}
const { compiler, lib } = nunjucks as unknown as NunjucksInternals;
type EnvironmentInternals = nunjucks.Environment & {
  asyncFilters: unknown;
  extensionsList: unknown;
  opts: unknown;
  /** Each loader's templates compiled, by name: what env.getTemplate(name) finds first. */
  loaders: { cache: Record<string, nunjucks.Template> }[];
};
/** A template made from compiled code rather than from its text (Nunjucks' { type: 'code' } source). */
const CompiledTemplate = nunjucks.Template as unknown as new (
  source: { type: 'code'; obj: unknown },
  env: nunjucks.Environment,
  path: string,
  eagerCompile: boolean,
) => nunjucks.Template;

const isCompiledTemplates = (value: unknown): value is CompiledTemplates =>
  typeof value === 'object' &&
  value !== null &&
  !Array.isArray(value) &&
  Object.values(value).every((t: { source?: unknown; code?: unknown }) => typeof t?.source === 'string' && typeof t.code === 'string');

/**
 * Compiles every template before any page is rendered, so that a syntax error, even in a partial,
 * is reported at its own file and line: nunjucks throws an included template's error later, from
 * its own queue, where no try can catch it. A template whose text is the one a run before compiled
 * (known: by the same tool, in this same folder, which the code names) is not compiled again.
 * Returns every template's code.
 */
async function compileTemplates(env: EnvironmentInternals, templatesDir: string, projectDir: string, known: CompiledTemplates): Promise<CompiledTemplates> {
  if (!(await stat(templatesDir).catch(() => undefined))?.isDirectory()) {
    throw Failure.of(CATALOGUE.templatesMissing, { folder: path.relative(projectDir, templatesDir) || templatesDir });
  }
  const names = (await readdir(templatesDir, { recursive: true })).filter((name) => name.endsWith('.njk')).sort();
  const loaded = env.loaders[0]!.cache;
  const compiled: CompiledTemplates = {};
  const templateOf = (code: string, fullPath: string) => new CompiledTemplate({ type: 'code', obj: new Function(code)() }, env, fullPath, true);
  for (const file of names) {
    const name = file.split(path.sep).join('/');
    const fullPath = path.join(templatesDir, file);
    const text = await readFile(fullPath, 'utf8');
    const source = hashOf(text);
    let code = known[name]?.source === source ? known[name].code : undefined;
    try {
      if (code !== undefined) loaded[name] = templateOf(code, fullPath);
    } catch {
      code = undefined; // code the cache kept that does not run: the template is compiled again
    }
    try {
      if (code === undefined) {
        code = compiler.compile(text, env.asyncFilters, env.extensionsList, fullPath, env.opts);
        loaded[name] = templateOf(code, fullPath);
      }
    } catch (error) {
      // As Nunjucks names a template that does not compile (Template's own init).
      throw TemplateError.from(lib._prettifyError(fullPath, false, error), templatesDir, projectDir);
    }
    compiled[name] = { source, code };
  }
  return compiled;
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

const NAMESPACE: Namespace = 'templates';

/**
 * Compiles the templates (each one's code taken from the cache when this tool compiled its text
 * before, in this folder: the code holds the template's path, from which Nunjucks finds a relative
 * include) and reads the assets; a TemplateError names a template that does not compile. The cache
 * is trusted as the tool's own files are: the code kept there is run.
 */
export async function loadTemplates(
  templatesDir: string,
  projectDir: string,
  key: string,
  { cache, toolVersion }: { cache?: Cache; toolVersion: string },
): Promise<Templates> {
  const env = createEnvironment(templatesDir);
  const cacheKey = hashOf(toolVersion, path.resolve(templatesDir));
  const known = (await cache?.readValue(NAMESPACE, cacheKey, isCompiledTemplates)) ?? {};
  const compiled = await compileTemplates(env as EnvironmentInternals, templatesDir, projectDir, known);
  const changed = Object.keys(known).length !== Object.keys(compiled).length || Object.entries(compiled).some(([name, { code }]) => known[name]?.code !== code);
  if (cache && changed) {
    await cache.writeValue(NAMESPACE, cacheKey, compiled);
    await cache.prune(NAMESPACE, new Set([cacheKey]));
  }
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
