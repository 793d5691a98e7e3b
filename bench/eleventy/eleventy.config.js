// Eleventy 3 building the benchmark's corpus: the same content/ (site.yml and <year>/<NN>.md),
// with Nunjucks templates equivalent to ours (issue page with masthead, contents, articles, 版记
// and previous/next; a page per year; the home page). Run by bench/build.ts as
//   BENCH_PROJECT=<project> BENCH_OUT=<dir> node .../@11ty/eleventy/cmd.cjs --config=bench/eleventy/eleventy.config.js
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { articles, chineseDate, chineseNumber, isoDate, markdownBulletin, padName } from './bulletin.js';

const HERE = import.meta.dirname;

export default function (eleventyConfig) {
  const project = process.env.BENCH_PROJECT;
  if (!project) throw new Error('BENCH_PROJECT is not set');
  const input = path.join(project, 'content');
  const site = parse(readFileSync(path.join(input, 'site.yml'), 'utf8'));

  eleventyConfig.setInputDirectory(input);
  eleventyConfig.setOutputDirectory(process.env.BENCH_OUT ?? path.join(project, '_site'));
  eleventyConfig.setIncludesDirectory(path.relative(input, path.join(HERE, '_includes')));
  eleventyConfig.setTemplateFormats(['md', 'njk']);
  eleventyConfig.setUseGitIgnore(false);
  eleventyConfig.setQuietMode(true);
  eleventyConfig.addGlobalData('site', site);
  eleventyConfig.addGlobalData('layout', 'issue.njk');
  eleventyConfig.addPassthroughCopy({ [path.join(project, 'templates', 'assets')]: 'assets' });

  // Raw HTML is escaped, as our build sanitises it (markdown-it cannot sanitise).
  eleventyConfig.amendLibrary('md', (md) => md.set({ html: false }).use(markdownBulletin));
  eleventyConfig.addNunjucksGlobal('articlesOf', (html) => articles(html, site.columns, site.defaultColumn));
  eleventyConfig.addFilter('isoDate', isoDate);
  eleventyConfig.addFilter('chineseDate', chineseDate);
  eleventyConfig.addFilter('chineseNumber', chineseNumber);
  eleventyConfig.addFilter('padName', padName);

  const issues = (api) =>
    api
      .getAll()
      .filter((item) => item.data.total !== undefined)
      .sort((a, b) => a.data.total - b.data.total);
  eleventyConfig.addCollection('issues', issues);
  eleventyConfig.addCollection('years', (api) => {
    const years = new Map();
    for (const item of issues(api)) {
      const year = item.date.getUTCFullYear();
      years.set(year, [...(years.get(year) ?? []), item]);
    }
    return [...years].sort(([a], [b]) => b - a).map(([year, list]) => ({ year, issues: list, newestFirst: [...list].reverse() }));
  });

  const page = (name, data) => eleventyConfig.addTemplate(name, readFileSync(path.join(HERE, name), 'utf8'), data);
  page('year.njk', { layout: false });
  page('home.njk', { layout: false });
}
