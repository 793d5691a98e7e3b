// Phrase-first search over Pagefind, for Chinese.
//
// The index holds Chinese a character a word (see src/stages/index-search.ts), so the query
// is spaced the same way: 韶山灌区 → 韶 山 灌 区. Typed as is, Pagefind then finds the pages
// holding every character anywhere and ranks them; quoted, it finds the pages holding the
// characters in a row, the exact phrase. A reader typing 韶山灌区 means the phrase: the
// pages holding it come first, in the ranked order; pages holding only its characters follow,
// so that nothing findable is lost. Space-separated words are each a phrase.

/** A Han character: a copy of HAN in src/format/han.ts (the index is spaced by that one), checked by its test. */
export const HAN = /[\p{Script=Han}]/u;

/**
 * Pagefind's ranking, tuned for a bulletin: its articles run from a 快讯 of two lines to a
 * report of ten pages, and by default Pagefind favours short pages so strongly that a 快讯
 * naming a word once outranks the report about it. Measured with npm run bench:search.
 */
export const RANKING = { pageLength: 0.3 };

/**
 * Pagefind for this site. The index is made in parts of a hundred issues by 总期号, so that a
 * change re-indexes one part; the bundle's first part is loaded and the others are merged into
 * it, each marked with a filter "part" that only this code uses (see searchByDate).
 * siteRoot: the site's address. Returns { pagefind, parts }: the module and the part numbers.
 */
export async function loadPagefind(siteRoot, bundle = 'pagefind/', options = {}) {
  const base = new URL(bundle, siteRoot);
  const pagefind = await import(new URL('pagefind.js', base).href);
  const settings = { baseUrl: new URL(siteRoot).pathname, ranking: RANKING, ...options };
  const listed = await fetch(new URL('parts.json', base)).then((response) => (response.ok ? response.json() : []));
  const first = listed.find((entry) => entry.path === '');
  await pagefind.options({ ...settings, ...(first ? { mergeFilter: { part: String(first.part) } } : {}) });
  for (const { part, path } of listed.filter((entry) => entry.path !== '')) {
    await pagefind.mergeIndex(new URL(path, base).pathname, { ...settings, mergeFilter: { part: String(part) } });
  }
  return { pagefind, parts: listed.map((entry) => entry.part) };
}

/** The reader's words: quotes dropped, split on spaces (half- or full-width). */
export function queryWords(query) {
  return query.replace(/["“”]/g, ' ').split(/[\s\u3000]+/u).filter(Boolean);
}

/** A word as the index holds it: each Han character on its own (2019年 → 2019 年). */
export function spaced(word) {
  let out = '';
  let previous = '';
  for (const char of word) {
    if (out && (HAN.test(char) || HAN.test(previous))) out += ' ';
    out += char;
    previous = char;
  }
  return out;
}

/**
 * How often a phrase of n characters occurs, from the positions of a hit's matched words
 * (Pagefind gives them with each hit, before any fragment is loaded): each run of n
 * consecutive positions is one occurrence.
 */
export function phraseCount(positions, n) {
  const sorted = [...positions].sort((a, b) => a - b);
  let count = 0;
  let run = 0;
  for (let i = 0; i < sorted.length; i++) {
    run = i > 0 && sorted[i] === sorted[i - 1] + 1 ? run + 1 : 1;
    if (run === n) {
      count += 1;
      run = 0;
    }
  }
  return count;
}

/**
 * @param {object} pagefind the module pagefind.js
 * @param {string} query as the reader typed it
 * @param {object} options Pagefind search options (filters, sort)
 * @param {number[]} parts the index's parts (loadPagefind), for sorting by date across them
 * @returns {Promise<{exact: object[], loose: object[]}>} Pagefind results, in order
 */
export async function phraseSearch(pagefind, query, options = {}, parts = []) {
  if (options.sort && parts.length > 1) return searchByDate(pagefind, query, options, parts);
  return searchOnce(pagefind, query, options);
}

/**
 * Sorting by date across merged parts: Pagefind sorts each part, then orders the merged hits by
 * score again, which mixes the dates. Parts hold 总期号 ranges, and 总期号 grows with the date, so
 * searching part by part, newest part first, gives every hit in date order.
 */
async function searchByDate(pagefind, query, options, parts) {
  const newestFirst = [...parts].sort((a, b) => b - a);
  const found = await Promise.all(
    newestFirst.map((part) => searchOnce(pagefind, query, { ...options, filters: { ...options.filters, part: String(part) } })),
  );
  return { exact: found.flatMap((f) => f.exact), loose: found.flatMap((f) => f.loose) };
}

async function searchOnce(pagefind, query, options) {
  const words = queryWords(query);
  if (words.length === 0) return { exact: [], loose: [] };
  const [typed, ...phrases] = await Promise.all([
    pagefind.search(words.map(spaced).join(' '), options),
    ...words.map((word) => pagefind.search(`"${spaced(word)}"`, options)),
  ]);
  // A hit is exact when it holds every word as a phrase. Ids are the same across searches.
  const exactIds = phrases
    .map((phrase) => new Set(phrase.results.map((result) => result.id)))
    .reduce((all, ids) => new Set([...all].filter((id) => ids.has(id))));
  let exact = typed.results.filter((result) => exactIds.has(result.id));
  if (!options.sort && words.length === 1) {
    // Quoted hits all score alike; the ranked ones score characters, not the phrase. The
    // article that holds the phrase most often comes first (a stable sort keeps the rank order).
    const n = spaced(words[0]).split(' ').length;
    exact = exact
      .map((result) => ({ result, count: phraseCount(result.words ?? [], n) }))
      .sort((a, b) => b.count - a.count)
      .map(({ result }) => result);
  }
  return { exact, loose: typed.results.filter((result) => !exactIds.has(result.id)) };
}

/** Text from the index, without the zero-width spaces that separate its characters. */
export function readable(html) {
  return html.replace(/\u200B/g, '');
}

/** The section of a hit (一、…) that holds most of the matched words, if it is not the whole article. */
export function bestSection(data) {
  const sections = (data.sub_results ?? []).filter((section) => section.url !== data.url && section.title);
  return sections.sort((a, b) => (b.locations?.length ?? 0) - (a.locations?.length ?? 0))[0];
}
