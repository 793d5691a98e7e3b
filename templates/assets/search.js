// The search page: reads the query from the URL (/search/?q=危桥), searches the Pagefind
// index phrase-first, and writes the query back to the URL so a search can be linked and
// the back button works. Works under any sub-path: everything is found relative to this file.
import { archiveSearch, bestSection, citedIssues, loadArchive, parseCitation, queryWords, readable } from './search-core.js';
import { marks, prepareSnippets, snippetHtml, trimExcerpt } from './search-snippet.js';

const PAGE_SIZE = 10;
/**
 * Hits shown at once, a screen or two: each hit's text (its fragment, about 4 KB) is fetched to show
 * it, so the rest of the first ten follow when the reader scrolls near them.
 */
const FIRST_HITS = 5;
const siteRoot = new URL('../', import.meta.url);

const form = document.getElementById('search-form');
const input = document.getElementById('search-q');
const fields = { year: document.getElementById('search-year'), column: document.getElementById('search-column'), sort: document.getElementById('search-sort') };
const status = document.getElementById('search-status');
const list = document.getElementById('search-results');
const more = document.getElementById('search-more');
const wider = document.getElementById('search-wider');

let loading;
const archiveForSite = () => (loading ??= loadArchive(siteRoot, 'pagefind/', { excerptLength: 60 }));

// Every issue as readers cite it, fetched only for a query that reads as a citation (2019年第9期).
let citations;
const citationsForSite = () =>
  (citations ??= fetch(new URL('search/issues.json', siteRoot))
    .then((response) => (response.ok ? response.json() : []))
    .catch(() => []));

/** The issues the query cites (2019年第9期, 总第583期, 2019年4月29日…), newest first, within the year chosen. */
async function citedFor(state) {
  const cited = parseCitation(state.q);
  if (!cited) return [];
  return citedIssues(await citationsForSite(), cited).filter((issue) => !state.year || String(issue.year) === state.year);
}

const chineseDate = (iso) => {
  const [year, month, day] = iso.split('-').map(Number);
  return `${year}年${month}月${day}日`;
};

/** An issue found by its citation: its page, ahead of the articles found by their words. */
function renderIssue({ total, year, number, date, path }) {
  const item = element('li', 'search-issue');
  const heading = element('h2', 'search-hit-title');
  const link = element('a', '', `${year}年第${number}期`);
  link.href = new URL(path, siteRoot).pathname;
  heading.append(element('span', 'search-issue-kind', '整期'), link);
  const line = element('p', 'search-hit-issue');
  line.append(element('span', '', `总第${total}期`), ' · ', element('span', '', chineseDate(date)));
  item.append(heading, line);
  return item;
}

/** Years as the status line names them: 2026年, 2025–2026年, or 2010年、2026年 when others lie between. */
const yearsName = (years) => {
  const [first, last] = [years[0], years.at(-1)];
  return last - first === years.length - 1 ? (first === last ? `${first}年` : `${first}–${last}年`) : `${years.join('年、')}年`;
};

/**
 * The search again over every year, for the status line, with what it would download (weight, in
 * bytes: a reader on a phone pays for it): a link, so that it can be opened in a new tab too.
 */
function wideLink(state, weight) {
  const link = element('a', 'search-wide', `搜索全部年份（约 ${Math.max(10, Math.round(weight / 10240) * 10)} KB）`);
  link.href = stateUrl({ ...state, range: 'all' });
  link.addEventListener('click', (event) => {
    event.preventDefault();
    searchWide(state);
  });
  return link;
}

/** The search again over every year; the link or button that asked goes, so the status line takes the focus. */
function searchWide(state) {
  const wide = { ...state, range: 'all' };
  history.pushState(wide, '', stateUrl(wide));
  status.focus();
  run(wide);
}

/** The query as the status line quotes it: without the quotes the reader typed around it. */
const quoted = (query) => `“${queryWords(query).join(' ')}”`;

function readState() {
  const params = new URLSearchParams(location.search);
  return {
    q: params.get('q') ?? '',
    year: params.get('year') ?? '',
    column: params.get('column') ?? '',
    sort: params.get('sort') ?? '',
    range: params.get('range') === 'all' ? 'all' : '',
  };
}

function showState(state) {
  input.value = state.q;
  for (const [name, select] of Object.entries(fields)) select.value = state[name];
}

/** The form's search; every year still when the reader asked for it and the words are the same. */
function formState() {
  const q = input.value.trim();
  const { q: before, range } = readState();
  return { q, year: fields.year.value, column: fields.column.value, sort: fields.sort.value, range: q === before ? range : '' };
}

function stateUrl(state) {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(state)) if (value) params.set(name, value);
  const query = params.toString();
  return query ? `?${query}` : location.pathname;
}

function element(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

/** A title from the index: a zero-width space where it may break between words becomes <wbr>. */
function withWordBreaks(node, text) {
  text.split('\u200B').forEach((part, i) => {
    if (i > 0) node.append(document.createElement('wbr'));
    node.append(part);
  });
  return node;
}

/** An article's address, asking its page to highlight the words found: /2019/09/?highlight=危桥#article-1 */
function highlighting(url, terms) {
  const [path, hash] = url.split('#');
  const params = new URLSearchParams(terms.map((term) => ['highlight', term]));
  return `${path}${terms.length ? `?${params}` : ''}${hash === undefined ? '' : `#${hash}`}`;
}

async function renderHit({ result, exact }, words) {
  const data = await result.data();
  const section = bestSection(data);
  const excerpt = trimExcerpt((section ?? data).excerpt, data.content);
  const marked = marks(excerpt.text, words, exact);
  const terms = exact ? words : [...new Set(marked.map(([start, end]) => excerpt.text.slice(start, end)))];
  const item = element('li', 'search-hit');
  const heading = element('h2', 'search-hit-title');
  const link = withWordBreaks(element('a'), data.meta.title);
  link.href = highlighting(data.url, terms);
  heading.append(link);
  const issue = element('p', 'search-hit-issue');
  data.meta.issue.split(' · ').forEach((part, i) => issue.append(...(i > 0 ? [' · '] : []), element('span', '', part)));
  item.append(heading, issue);
  if (section) {
    const sectionLink = element('a', 'search-hit-section', readable(section.title).trim());
    sectionLink.href = highlighting(section.url, terms);
    item.append(sectionLink);
  }
  const snippet = element('p', 'search-hit-excerpt');
  snippet.innerHTML = snippetHtml(excerpt, marked);
  item.append(snippet);
  return item;
}

let shown = [];
/** The years searched, when only the last two were ([2025, 2026]). */
let searchedYears;
let current = 0;
let searchNumber = 0;

let words = [];

const hitCount = () => list.querySelectorAll('.search-hit').length;

let showing = Promise.resolve();

/**
 * Shows hits of the search numbered `number` until `target(shown so far)` are shown, after the
 * batch being shown, so that a click and a scroll never show a hit twice.
 */
function showHits(number, target) {
  showing = showing.catch(() => {}).then(() => showBatch(number, target(hitCount())));
  return showing;
}

async function showBatch(number, end) {
  if (number !== searchNumber) return;
  const batch = shown.slice(hitCount(), end);
  let items;
  try {
    items = await Promise.all(batch.map((hit) => renderHit(hit, words)));
  } catch {
    // A hit's text could not be fetched (the connection dropped): the button lets the reader try again.
    if (number === searchNumber) more.hidden = false;
    return;
  }
  if (number !== searchNumber) return;
  batch.forEach(({ divider }, i) => {
    if (divider) list.append(divider);
    list.append(items[i]);
  });
  // The button comes once the first ten are shown: it would move as they came, and it would be a layout shift.
  more.hidden = hitCount() >= shown.length || hitCount() < firstPage();
  wider.hidden = !searchedYears || hitCount() < firstPage();
  // Observed again, so that the observer says at once whether the list's end is near the window
  // (it reports only changes, and the end may have been near before these hits and after).
  if (hitCount() < firstPage()) {
    nearEnd.unobserve(listEnd);
    nearEnd.observe(listEnd);
  }
}

const firstPage = () => Math.min(PAGE_SIZE, shown.length);

// The rest of the first ten hits, once the end of the list comes within 600 px of the window.
const listEnd = more.parentElement;
const nearEnd = new IntersectionObserver(
  (entries) => {
    if (entries.some((entry) => entry.isIntersecting) && hitCount() < firstPage()) showHits(current, () => firstPage());
  },
  { rootMargin: '0px 0px 600px 0px' },
);
nearEnd.observe(listEnd);

/** Runs a search and shows its first hits; the list is aria-busy until they are shown. */
async function run(state) {
  const number = ++searchNumber;
  list.setAttribute('aria-busy', 'true');
  try {
    await search(state, number);
  } finally {
    if (number === searchNumber) list.setAttribute('aria-busy', 'false');
  }
}

async function search(state, number) {
  shown = [];
  searchedYears = undefined;
  list.replaceChildren();
  more.hidden = true;
  wider.hidden = true;
  if (!state.q) {
    status.textContent = '请输入要查找的字词。';
    return;
  }
  status.textContent = '正在搜索…';
  const loaded = Promise.all([citedFor(state), archiveForSite()]);
  // While the index loads, in a task of its own, rather than when the hits are shown.
  setTimeout(prepareSnippets);
  const [issues, archive] = await loaded;
  const filters = {};
  if (state.year) filters.year = state.year;
  if (state.column) filters.column = state.column;
  const options = { filters, ...(state.sort === 'date' ? { sort: { order: 'desc' } } : {}) };
  const { exact, loose, years, weight } = await archiveSearch(archive, state.q, options, {
    wide: state.range === 'all',
    isCurrent: () => number === searchNumber,
  });
  if (number !== searchNumber) return;
  searchedYears = years;
  const shownIssues = issues.slice(0, PAGE_SIZE);
  list.append(...shownIssues.map(renderIssue));
  const cited =
    issues.length === 0
      ? ''
      : issues.length === 1
        ? `找到${issues[0].year}年第${issues[0].number}期（总第${issues[0].total}期），列在最前。`
        : `找到 ${issues.length} 期${issues.length > PAGE_SIZE ? `（列出最新的 ${PAGE_SIZE} 期）` : ''}，列在最前。`;
  const total = exact.length + loose.length;
  const q = quoted(state.q);
  // Only the last two years searched (the words are among the commonest): the status says so, and
  // offers every year.
  const within = years ? `${yearsName(years)}的期刊中` : '';
  if (total === 0) {
    status.textContent = cited || `${within}没有找到含${q}的文章。${years ? '' : '可以少输几个字、换个说法，或取消年份、栏目的限定再试。'}`;
    if (years) status.append(wideLink(state, weight));
    return;
  }
  const articles =
    loose.length === 0
      ? `${within}找到 ${total} 篇文章。`
      : exact.length === 0
        ? `${within}没有文章含完整的${q}，下面 ${loose.length} 篇含其中的部分字词。`
        : `${within}找到 ${total} 篇文章：前 ${exact.length} 篇含完整的${q}，其余只含其中的部分字词。`;
  status.textContent = cited ? `${cited}另有含${q}的文章：${articles}` : articles;
  if (years) status.append(wideLink(state, weight));
  words = queryWords(state.q);
  shown = [
    ...exact.map((result) => ({ result, exact: true })),
    ...loose.map((result, i) => ({
      result,
      exact: false,
      divider: i === 0 && exact.length > 0 ? element('li', 'search-divider', `以下文章不含完整的${q}，只含其中的部分字词`) : undefined,
    })),
  ];
  current = number;
  showing = Promise.resolve();
  await showHits(number, () => FIRST_HITS);
  // Every year's index opened while the reader reads these, so that a later search of other words
  // does not wait for, and download, the older parts' metadata then (34 KB at 1000 issues).
  if (years && number === searchNumber) whenIdle(() => archive.all());
}

/** Runs a task once the page has nothing else to do (or soon, where browsers cannot say). */
const whenIdle = (task) => (typeof requestIdleCallback === 'function' ? requestIdleCallback(task, { timeout: 2000 }) : setTimeout(task, 500));

form.addEventListener('submit', (event) => {
  event.preventDefault();
  const state = formState();
  history.pushState(state, '', stateUrl(state));
  run(state);
});
for (const select of Object.values(fields)) {
  select.addEventListener('change', () => form.requestSubmit());
}
more.addEventListener('click', () => showHits(current, (count) => count + PAGE_SIZE));
wider.addEventListener('click', () => searchWide(readState()));
window.addEventListener('popstate', () => {
  const state = readState();
  showState(state);
  run(state);
});

const initial = readState();
showState(initial);
// The search starts once the page is drawn (a frame, then a task), so that the page, with the
// query in its box, shows before the search's scripts and index are loaded and read; a page opened
// in a background tab, which draws no frame, searches at once.
if (document.visibilityState === 'visible') requestAnimationFrame(() => setTimeout(() => run(initial)));
else run(initial);
