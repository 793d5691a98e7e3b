// A template that fails, said in Chinese at its own file and line. Nunjucks says what went wrong
// in English, in a chain of the templates it was rendering, with the line (counted from 0 while
// rendering, from 1 while compiling) of the innermost, which inside a macro is a line of the macro's
// own file, named as the page that called it. So the error's own words are read for what they
// name (a filter, a function, a template), and that name is looked for on the line given, in the
// file named and the files it imports; failing that, anywhere in them.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type nunjucks from 'nunjucks';
import { CATALOGUE, type CatalogueEntry, hintOf } from '../messages/catalogue.ts';
import { PAGE_NAMES, TEMPLATE_WORDS } from '../messages/commands.ts';
import { originalText } from '../messages/failure.ts';
import { pageOfPath, SITE_PAGES } from '../model/output.ts';

/** A template problem: the template's path (from the project folder), line and column, and what to say. */
export class TemplateError extends Error {
  constructor(
    readonly template: string,
    readonly line: number | undefined,
    readonly column: number | undefined,
    /** The Chinese message, what to do, and the original text. */
    message: string,
    readonly rule: string,
  ) {
    super(message);
  }

  /** From a Nunjucks error: while compiling (no page yet) or while rendering the page at outputPath. */
  static from(error: unknown, templatesDir: string, projectDir: string, outputPath?: string): TemplateError {
    const read = readNunjucksError(error instanceof Error ? error.message : String(error));
    const file = read.file ?? templatesDir;
    const { rule, text, needle } = explain(read.words, outputPath === undefined ? undefined : pageName(outputPath));
    const found = outputPath === undefined ? { file, line: read.line, column: read.column } : locate(read, file, templatesDir, needle);
    const original = originalText(read.words.replace(/^FilterFailed: \w+: /, ''));
    return new TemplateError(path.relative(projectDir, found.file), found.line, found.column, TEMPLATE_WORDS.withOriginal(text, original), rule);
  }
}

/** Thrown by a filter, to name it in the message: Nunjucks gives no line for a filter's own error. */
class FilterFailed extends Error {
  override name = 'FilterFailed';
}

/** Wraps every filter (the site's and Nunjucks' own) so that an error inside one names the filter. */
export function nameFilterErrors(env: nunjucks.Environment): void {
  const filters = (env as unknown as { filters: Record<string, (...args: unknown[]) => unknown> }).filters;
  for (const [name, filter] of Object.entries(filters)) {
    filters[name] = function (this: unknown, ...args: unknown[]) {
      try {
        return filter.apply(this, args);
      } catch (error) {
        throw new FilterFailed(`${name}: ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}`);
      }
    };
  }
}

interface NunjucksError {
  /** The innermost template Nunjucks names. */
  file?: string;
  line?: number;
  column?: number;
  /** Its own words, the last line: "Error: filter not found: nosuch". */
  words: string;
}

/** "(a.njk)\n  Template render error: (partials/b.njk) [Line 2, Column 12]\n  Error: …" → its parts. */
function readNunjucksError(text: string): NunjucksError {
  const lines = text.split('\n').map((l) => l.trim());
  const places = lines.map((l) => /^(?:Template render error: )?\(([^)]+)\)(?: \[Line (\d+)(?:, Column (\d+))?\])?$/.exec(l)).filter((m) => m !== null);
  const innermost = places.at(-1);
  const words = lines.filter((l) => l && !/^(?:Template render error: )?\([^)]+\)( \[Line.*\])?$/.test(l)).join(' ') || text;
  return {
    file: innermost?.[1],
    line: innermost?.[2] ? Number(innermost[2]) : undefined,
    column: innermost?.[3] ? Number(innermost[3]) : undefined,
    words: words.replace(/^Template render error: /, ''),
  };
}

/** The page being rendered, as an editor knows it: "2019年第9期的页面（2019/09/index.html）". */
export function pageName(outputPath: string): string {
  const page = pageOfPath(outputPath);
  const named = new Map<string, string>(Object.entries(SITE_PAGES).map(([key, file]) => [file, PAGE_NAMES[key as keyof typeof SITE_PAGES]]));
  const name = !page
    ? (named.get(outputPath) ?? PAGE_NAMES.other)
    : page.number === undefined
      ? PAGE_NAMES.year(page.year)
      : PAGE_NAMES.issue(page.year, page.number);
  return PAGE_NAMES.named(name, outputPath);
}

/** The message and what to do, its rule, and what to look for in the template's lines. */
type Explained = { rule: string; text: string; needle?: RegExp };

const say = <P>(entry: CatalogueEntry<P>, params: P, needle?: RegExp): Explained => ({
  rule: entry.rule,
  text: `${entry.message(params)}\n${hintOf(entry, params)}`,
  needle,
});

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** What Nunjucks' words mean; page is undefined while compiling. */
function explain(words: string, page: string | undefined): Explained {
  const filter = /filter not found: (\S+)/.exec(words) ?? /^FilterFailed: (\w+):/.exec(words);
  const call = /Unable to call `(.+?)`, which is (?:undefined or falsey|not a function)/.exec(words);
  const missing = /template not found: (\S+)/.exec(words);
  if (page === undefined) return say(CATALOGUE.templateSyntax, { what: syntaxInChinese(words) });
  if (filter) {
    const entry = words.startsWith('FilterFailed') ? CATALOGUE.templateFilterFailed : CATALOGUE.templateFilter;
    return say(entry, { name: filter[1]!, page }, new RegExp(`\\|\\s*${escape(filter[1]!)}\\b`));
  }
  if (call) {
    const name = call[1]!.replace(/\["([^"]+)"\]/g, '.$1');
    return say(CATALOGUE.templateCall, { name, page }, new RegExp(`\\b${escape(name.split('.').at(-1)!)}\\s*\\(`));
  }
  if (missing) return say(CATALOGUE.templateMissing, { name: missing[1]!, page }, new RegExp(`["']${escape(missing[1]!)}["']`));
  return say(CATALOGUE.templateRuntime, { page });
}

/** Nunjucks' words for a template it cannot read, in Chinese. */
function syntaxInChinese(words: string): string {
  const tag = /unknown block tag: (\S+)/.exec(words);
  if (tag) return TEMPLATE_WORDS.unknownTag(tag[1]!);
  if (/expected variable end/.test(words)) return TEMPLATE_WORDS.variableEnd;
  if (/expected block end/.test(words)) return TEMPLATE_WORDS.blockEnd;
  if (/end of file|EOF/.test(words)) return TEMPLATE_WORDS.endOfFile;
  const token = /unexpected token: (.+)$/.exec(words);
  if (token) return TEMPLATE_WORDS.unexpected(token[1]!);
  return TEMPLATE_WORDS.unreadable;
}

/** The templates a template imports or includes, by their paths from templatesDir. */
function usedBy(source: string): string[] {
  return [...source.matchAll(/\{%-?\s*(?:from|import|include|extends)\s+["']([^"']+)["']/g)].map((m) => m[1]!);
}

const readLines = (file: string): string[] | undefined => {
  try {
    return readFileSync(file, 'utf8').split('\n');
  } catch {
    return undefined;
  }
};

/**
 * The file and line of a render error: the line Nunjucks gives (from 0) in the file it names, if
 * what the error names is there; else the first line naming it in that file or the files it uses.
 */
function locate(error: NunjucksError, file: string, templatesDir: string, needle?: RegExp): { file: string; line?: number; column?: number } {
  const given = error.line === undefined ? undefined : { line: error.line + 1, column: (error.column ?? 0) + 1 };
  if (!needle) return { file, ...given };
  const candidates = [file, ...usedBy(readLines(file)?.join('\n') ?? '').map((name) => path.join(templatesDir, name))];
  if (given) {
    for (const candidate of candidates) {
      const text = readLines(candidate)?.[given.line - 1];
      if (text !== undefined && needle.test(text)) return { file: candidate, ...given };
    }
  }
  for (const candidate of candidates) {
    const lines = readLines(candidate) ?? [];
    const index = lines.findIndex((l) => needle.test(l));
    if (index >= 0) return { file: candidate, line: index + 1, column: lines[index]!.search(needle) + 1 };
  }
  return { file, ...given };
}
