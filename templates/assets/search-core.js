// Phrase-first search over Pagefind, for Chinese.
//
// The index holds Chinese a character a word (see src/search/indexed-html.ts), so the query
// is spaced the same way: 韶山灌区 → 韶 山 灌 区. Typed as is, Pagefind then finds the pages
// holding every character anywhere and ranks them; quoted, it finds the pages holding the
// characters in a row, the exact phrase. A reader typing 韶山灌区 means the phrase: the
// pages holding it come first, in the ranked order; pages holding a meaningful part of it
// follow (灌区, or most of its characters), so that nothing findable is lost, and pages sharing
// a single character with it (情 of 疫情防控) are left out. Space-separated words are each a phrase.

/** A Han character: a copy of HAN in src/text/han.ts (the index is spaced by that one), checked by its test. */
export const HAN = /[\p{Script=Han}]/u;

/**
 * Pagefind's ranking, tuned for a bulletin: its articles run from a 快讯 of two lines to a
 * report of ten pages, and by default Pagefind favours short pages so strongly that a 快讯
 * naming a word once outranks the report about it. Measured with npm run bench:search.
 */
export const RANKING = { pageLength: 0.3 };

/**
 * The archive's index for this site. It is made in parts (src/search/index-search.ts, partsOf):
 * the latest year's, which is the bundle pagefind/ with Pagefind's scripts, the year before's, and
 * the years before those in parts of 250 issues; pagefind/parts.json lists them. A search looks in
 * one of two handles, each a Pagefind instance with its parts merged, and loaded when first asked
 * for: the recent parts (the last two years), or every part. Each part is marked with a filter
 * "part" that only this code uses (see searchByDate).
 * siteRoot: the site's address. Returns { listed, weigh(query), recent(), all() }: parts.json's
 * parts, what searching every part for a query downloads (wideSearchWeight), and the handles,
 * each a promise of { pagefind, parts } (the instance and its part numbers).
 */
export async function loadArchive(siteRoot, bundle = 'pagefind/', options = {}) {
  const base = new URL(bundle, siteRoot);
  // Pagefind's script and the list of parts at once, and the parts merged at once: each is a round
  // trip, and on a slow phone's link a round trip in a row is what keeps the first hits from showing.
  // Pagefind keeps the parts in the order they are merged in, which is the order of the calls.
  const [pagefind, { parts: listed = [], common = {}, otherWord = 0 }] = await Promise.all([
    import(new URL('pagefind.js', base).href),
    fetch(new URL('parts.json', base)).then((response) => (response.ok ? response.json() : {})),
  ]);
  const settings = { baseUrl: new URL(siteRoot).pathname, ranking: RANKING, ...options };
  const open = async (entries) => {
    const primary = entries.find((entry) => entry.path === '');
    const instance = pagefind.createInstance({ ...settings, basePath: base.pathname, ...(primary ? { mergeFilter: { part: String(primary.part) } } : {}) });
    await Promise.all(
      entries
        .filter((entry) => entry !== primary)
        .map(({ part, path }) => instance.mergeIndex(new URL(path, base).pathname, { ...settings, mergeFilter: { part: String(part) } })),
    );
    return { pagefind: instance, parts: entries.map((entry) => entry.part) };
  };
  let recent;
  let all;
  return {
    listed,
    weigh: (query) => wideSearchWeight(common, otherWord, query),
    // Each instance is opened once, when first asked for, and kept: its metadata and chunks stay loaded.
    recent() {
      recent ??= open(listed.filter((entry) => entry.recent));
      return recent;
    },
    all() {
      all ??= open(listed);
      return all;
    },
  };
}

/**
 * What the chunks of every part for a query may weigh for a search to look at every year at once,
 * compressed, as the reader downloads them. A query of the commonest words (代表小组, 人大代表履职:
 * at 1000 issues, 330 and 403 KB of chunks in all the parts) shows the last two years' hits first,
 * and the reader asks for the older years; the others search every year. Set so that a later
 * search stays under 100 KB with its hits' texts (docs/search.md).
 */
export const WIDE_SEARCH_BUDGET = 64 * 1024;

/**
 * Up to this weight, a query whose whole phrase the last two years hold in fewer articles than a
 * page of hits looks at every year too: the reader needs the older years to find an old item
 * (年久失修的人行桥, in 12 articles of years before, at 262 KB at 1000 issues). Beyond it, the reader
 * is asked, with what it would download: a search fetches at most about half a megabyte unasked
 * (Pagefind's scripts, the metadata, these chunks and the hits' texts).
 */
export const FEW_HITS_BUDGET = 320 * 1024;

/** A page of hits: the recent years holding fewer articles with the phrase search every year. */
export const PAGE_OF_HITS = 10;

/**
 * What searching every part for the query downloads in chunks, in bytes, foreseen from parts.json: the
 * words it lists as common with their weight in KB, and otherWord KB for each of the others.
 */
export function wideSearchWeight(common, otherWord, query) {
  // As Pagefind reads them: lower case, and punctuation (《, +) no word.
  const pieces = new Set(
    queryWords(query)
      .flatMap((word) => spaced(word).split(' '))
      .map((piece) => piece.replace(/\p{P}/gu, '').toLowerCase())
      .filter(Boolean),
  );
  let kb = 0;
  for (const piece of pieces) kb += Object.hasOwn(common, piece) ? Number(common[piece]) || 0 : otherWord;
  return kb * 1024;
}

/**
 * Searches the archive (loadArchive) as a reader means it: every year when the reader asks for it
 * (wide), chooses a year before the recent ones, or searches words that are not among the
 * commonest; otherwise the last two years, and every year when those hold less than a page of
 * articles with the phrase and every year is not too heavy (FEW_HITS_BUDGET), unless the search
 * is no longer the reader's (isCurrent). Returns
 * phraseSearch's { exact, loose }, and { years: [2025, 2026], weight } when only the recent parts
 * were searched while older ones exist, with what searching every year would download in bytes.
 */
export async function archiveSearch(archive, query, options = {}, { wide = false, isCurrent = () => true } = {}) {
  const recentOnes = archive.listed.filter((entry) => entry.recent);
  const hasOlder = recentOnes.length > 0 && recentOnes.length < archive.listed.length;
  // The years the recent parts hold, each once, in order (the year before may not be the latest's previous one).
  const years = [...new Set(recentOnes.flatMap(({ years: [from, to] }) => Array.from({ length: to - from + 1 }, (_, i) => from + i)))].sort((a, b) => a - b);
  const year = Number(options.filters?.year);
  const inRecent = years.includes(year);
  const search = async (handle) => {
    const { pagefind, parts } = await handle;
    return phraseSearch(pagefind, query, options, parts);
  };
  const weight = archive.weigh(query);
  if (!hasOlder || wide || (year && !inRecent) || (!year && weight <= WIDE_SEARCH_BUDGET)) return search(archive.all());
  const found = await search(archive.recent());
  // A year among the recent ones is searched whole there.
  if (inRecent) return found;
  // A search the reader has replaced by another (isCurrent) downloads no more.
  if (found.exact.length < PAGE_OF_HITS && weight <= FEW_HITS_BUDGET && isCurrent()) return search(archive.all());
  return { ...found, years, weight };
}

/**
 * The reader's words: full-width letters, digits and signs read as their usual forms (１＋４ is
 * 1+4), quotes dropped, split on spaces (half- or full-width).
 */
export function queryWords(query) {
  return query
    .normalize('NFKC')
    .replace(/["“”「」『』]/g, ' ')
    .split(/[\s\u3000]+/u)
    .filter(Boolean);
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
  // Pagefind gives them in order: sorted only when they are not, as numbers, natively (a query of
  // common characters has a thousand exact hits of a hundred positions each, on the page's thread).
  let sorted = positions;
  for (let i = 1; i < positions.length; i++) {
    if (positions[i] < positions[i - 1]) {
      sorted = Float64Array.from(positions).sort();
      break;
    }
  }
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
 * @param {number[]} parts the index's parts (loadArchive), for sorting by date across them
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
  const found = await Promise.all(newestFirst.map((part) => searchOnce(pagefind, query, { ...options, filters: { ...options.filters, part: String(part) } })));
  return { exact: found.flatMap((f) => f.exact), loose: found.flatMap((f) => f.loose) };
}

/**
 * What a hit shares with the query, from where each of the query's pieces (a Han character, or a
 * Latin word or number) stands in it: the longest run of them in the query's order, in characters,
 * and how many of the query's characters it holds at all.
 * @param {string[][]} words the query's words, each as its pieces (韶山灌区 → [韶, 山, 灌, 区])
 * @param {Map<string, number[]>} positions piece → its word positions in the hit
 */
export function sharedWith(words, positions) {
  const length = (piece) => [...piece].length;
  let longest = 0;
  for (const pieces of words) {
    let runs = new Map(); // position → length of the run ending there
    for (const piece of pieces) {
      const next = new Map();
      for (const position of positions.get(piece) ?? []) {
        const run = (runs.get(position - 1) ?? 0) + length(piece);
        next.set(position, run);
        longest = Math.max(longest, run);
      }
      runs = next;
    }
  }
  const distinct = [...new Set(words.flat())];
  const held = distinct.filter((piece) => (positions.get(piece) ?? []).length > 0).reduce((sum, piece) => sum + length(piece), 0);
  return { longest, held, total: distinct.reduce((sum, piece) => sum + length(piece), 0) };
}

/**
 * Whether a hit without the whole phrase shares a meaningful part of it: two of its characters in
 * a row (a word such as 灌区 of 韶山灌区), or all its characters but one, three at least. A hit
 * sharing one character (情 of 疫情防控, in 情况), or a few common ones scattered over a long
 * report (量, 子 and 机 of 量子计算机), is noise, and is not shown.
 */
export function sharesEnough({ longest, held, total }) {
  return longest >= 2 || (held >= 3 && held >= total - 1);
}

/** Waits for a new task, so that the page can draw and answer the reader between two long steps. */
const nextTask = () => new Promise((resolve) => setTimeout(resolve, 0));

async function searchOnce(pagefind, query, options) {
  const words = queryWords(query);
  if (words.length === 0) return { exact: [], loose: [] };
  const pieces = words.map((word) => spaced(word).split(' '));
  const distinct = [...new Set(pieces.flat())];
  // Pagefind finds the hits holding every piece it knows, and ignores the pieces it does not know.
  const [typed, phrases, alone, inOrder] = await Promise.all([
    pagefind.search(words.map(spaced).join(' '), options),
    Promise.all(words.map((word) => pagefind.search(`"${spaced(word)}"`, options))),
    Promise.all(distinct.map((piece) => pagefind.search(piece, options))),
    options.sort ? pagefind.search(null, options) : undefined,
  ]);
  // A hit is exact when it holds every word as a phrase. Ids are the same across searches. It is
  // ranked as the typed search ranks it, and shown as the phrase search found it: its excerpt and
  // section are where the phrase is, not where its characters are thickest.
  const exactIds = phrases
    .map((phrase) => new Set(phrase.results.map((result) => result.id)))
    .reduce((all, ids) => {
      for (const id of all) if (!ids.has(id)) all.delete(id);
      return all;
    });
  const asPhrase = new Map(phrases[0].results.map((result) => [result.id, result]));
  let exact = typed.results.filter((result) => exactIds.has(result.id)).map((result) => ({ ...asPhrase.get(result.id), words: result.words }));
  if (!options.sort && words.length === 1) {
    // Quoted hits all score alike; the ranked ones score characters, not the phrase. The
    // article that holds the phrase most often comes first (a stable sort keeps the rank order).
    const n = pieces[0].length;
    exact = exact
      .map((result) => ({ result, count: phraseCount(result.words ?? [], n) }))
      .sort((a, b) => b.count - a.count)
      .map(({ result }) => result);
  }
  // The others in a task of their own: with a query of common characters, every step of this
  // over thousands of hits at once held the page's thread for longer than a slow phone allows.
  await nextTask();
  // The others: every hit holding a piece, kept when it shares enough, most shared first
  // (then in Pagefind's order), or in date order when sorted by date.
  const found = new Map();
  for (const result of [...typed.results, ...alone.flatMap((search) => search.results)]) {
    if (!exactIds.has(result.id) && !found.has(result.id)) found.set(result.id, { result, positions: new Map() });
  }
  alone.forEach((search, i) => {
    for (const result of search.results) found.get(result.id)?.positions.set(distinct[i], result.words ?? []);
  });
  const order = new Map((inOrder?.results ?? []).map((result, i) => [result.id, i]));
  const loose = [...found.values()]
    .map((hit, rank) => ({ ...hit, rank: order.get(hit.result.id) ?? rank, shared: sharedWith(pieces, hit.positions) }))
    .filter((hit) => sharesEnough(hit.shared))
    .sort((a, b) => (options.sort ? 0 : b.shared.longest - a.shared.longest || b.shared.held - a.shared.held) || a.rank - b.rank)
    .map((hit) => hit.result);
  return { exact, loose };
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

const CHINESE_DIGITS = { 〇: 0, 零: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const CHINESE_UNITS = { 十: 10, 百: 100, 千: 1000, 万: 10000 };

/** A number written in Chinese numerals (五百八十三, 十二, 一〇五): 583, 12, 105; NaN when it is none. */
export function chineseToNumber(text) {
  if ([...text].every((char) => char in CHINESE_DIGITS)) {
    return text ? Number([...text].map((char) => CHINESE_DIGITS[char]).join('')) : Number.NaN;
  }
  let total = 0;
  let section = 0;
  let digit = 0;
  for (const char of text) {
    if (char in CHINESE_DIGITS) digit = CHINESE_DIGITS[char];
    else if (char === '万') {
      total += (section + digit) * 10000;
      section = 0;
      digit = 0;
    } else if (char in CHINESE_UNITS) {
      section += (digit || 1) * CHINESE_UNITS[char];
      digit = 0;
    } else return Number.NaN;
  }
  return total + section + digit;
}

const CITED = [
  // 2019年4月29日, 2019-04-29, 2019.4.29, 2019/4/29
  [/(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日/u, (m) => ({ date: isoDate(m[1], m[2], m[3]) })],
  [/(?<!\d)(\d{4})[-./](\d{1,2})[-./](\d{1,2})(?!\d)/u, (m) => ({ date: isoDate(m[1], m[2], m[3]) })],
  // 总第583期, 总第五百八十三期
  [/总\s*第\s*(\d+)\s*期/u, (m) => ({ total: Number(m[1]) })],
  [/总\s*第\s*([〇零一二两三四五六七八九十百千万]+)\s*期/u, (m) => ({ total: chineseToNumber(m[1]) })],
  // 2019年第9期, 第9期 (not the 第…期 of 总第…期)
  [/(\d{4})\s*年\s*第\s*(\d+)\s*期/u, (m) => ({ year: Number(m[1]), number: Number(m[2]) })],
  [/(?<!总\s*)第\s*(\d+)\s*期/u, (m) => ({ number: Number(m[1]) })],
];

function isoDate(year, month, day) {
  return `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
}

/**
 * The issue a query cites, as readers cite the bulletin: { year, number, total, date }, each when
 * the query gives it; undefined when it cites none. Full-width digits read as digits.
 */
export function parseCitation(query) {
  const text = query.normalize('NFKC');
  const cited = {};
  for (const [pattern, read] of CITED) {
    const match = pattern.exec(text);
    if (!match) continue;
    for (const [field, value] of Object.entries(read(match))) if (!(field in cited) && !Number.isNaN(value)) cited[field] = value;
  }
  return Object.keys(cited).length > 0 ? cited : undefined;
}

/**
 * The issues a citation names, newest first, from the site's list (search/issues.json: [总期号,
 * year, 期号, date, page] each, newest first).
 */
export function citedIssues(citations, cited) {
  return citations
    .filter(([total, year, number, date]) => {
      if (cited.total !== undefined && cited.total !== total) return false;
      if (cited.year !== undefined && cited.year !== year) return false;
      if (cited.number !== undefined && cited.number !== number) return false;
      return cited.date === undefined || cited.date === date;
    })
    .map(([total, year, number, date, path]) => ({ total, year, number, date, path }));
}
