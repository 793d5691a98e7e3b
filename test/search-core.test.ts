// The phrase-first ranking of the search page (templates/assets/search-core.js), with a stand-in
// for Pagefind that finds words in a few texts the way the real index holds them.
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a browser module without types, tested as it ships
import * as searchCore from '../templates/assets/search-core.js';
// @ts-expect-error: a browser module without types, tested as it ships
import { marks, snippetHtml, trimExcerpt } from '../templates/assets/search-snippet.js';

const { phraseCount, phraseSearch, queryWords, sharedWith, sharesEnough, spaced } = searchCore;

interface Hit {
  id: string;
  score: number;
  words: number[];
}

/**
 * Pagefind in miniature: an unquoted query finds texts holding every character it knows (ignoring
 * characters no text holds), ranked by how many; quoted, texts holding all of them in a row; null, every text.
 */
function fakePagefind(texts: Record<string, string>) {
  const chars = (query: string) => query.replace(/"/g, '').split(' ').filter(Boolean);
  const all = Object.values(texts).join('');
  return {
    async search(query: string | null, _options: object) {
      if (query === null) return { results: Object.keys(texts).map((id) => ({ id, score: 0, words: [] })) };
      const quoted = query.startsWith('"');
      const wanted = chars(query).filter((c) => quoted || all.includes(c));
      const results: Hit[] = [];
      for (const [id, text] of Object.entries(texts)) {
        const positions = [...text].flatMap((c, i) => (wanted.includes(c) ? [i] : []));
        const holds = wanted.length > 0 && (quoted ? text.includes(wanted.join('')) : wanted.every((c) => text.includes(c)));
        if (holds) results.push({ id, score: quoted ? 1 : positions.length / text.length, words: positions });
      }
      return { results: quoted ? results : results.sort((a, b) => b.score - a.score) };
    },
  };
}

describe('the search page ranking', () => {
  it('spaces Chinese a character a word, keeping Latin and digits whole', () => {
    expect(spaced('韶山灌区')).toBe('韶 山 灌 区');
    expect(spaced('2019年')).toBe('2019 年');
    expect(spaced('0731')).toBe('0731');
    expect(queryWords(' 危桥\u3000"湘潭" ')).toEqual(['危桥', '湘潭']);
  });

  it('counts a phrase by runs of consecutive positions', () => {
    expect(phraseCount([1385, 2536, 2556, 2557, 2566, 2567], 2)).toBe(2);
    expect(phraseCount([5, 7, 9], 2)).toBe(0);
    expect(phraseCount([1, 2, 3, 4], 2)).toBe(2);
  });

  it('puts every text holding the phrase first, then those holding only its characters', async () => {
    const pagefind = fakePagefind({
      pieces: '韶山灌区山韶', // the characters, many times, but the phrase once
      scattered: '韶山的灌区', // every character, never in a row
      short: '区灌山韶', // short and dense, no phrase
      exact: '湘潭市了解到韶山灌区一座年久失修的人行桥存在安全隐患，重建危桥。',
      none: '代表小组',
    });
    const { exact, loose } = await phraseSearch(pagefind, '韶山灌区');
    expect(exact.map((h: Hit) => h.id).sort()).toEqual(['exact', 'pieces']);
    // 韶山 and 灌区 in a row first; then all four characters, none two in a row.
    expect(loose.map((h: Hit) => h.id)).toEqual(['scattered', 'short']);
  });

  it('leaves out what shares a single character with the query', async () => {
    const pagefind = fakePagefind({ report: '了解情况，现将有关情况报告如下', other: '代表小组活动' });
    expect(await phraseSearch(pagefind, '疫情防控')).toEqual({ exact: [], loose: [] });
    const { loose } = await phraseSearch(fakePagefind({ half: '防控工作', one: '情况' }), '疫情防控');
    expect(loose.map((h: Hit) => h.id)).toEqual(['half']);
  });

  it('measures what a hit shares: the longest run in order, and the characters held', () => {
    const words = [['疫', '情', '防', '控']];
    expect(sharedWith(words, new Map([['情', [3, 9]]]))).toEqual({ longest: 1, held: 1, total: 4 });
    expect(
      sharedWith(
        words,
        new Map([
          ['防', [5]],
          ['控', [6]],
        ]),
      ),
    ).toEqual({ longest: 2, held: 2, total: 4 });
    expect(
      sharedWith(
        words,
        new Map([
          ['控', [5]],
          ['防', [6]],
        ]),
      ),
    ).toEqual({ longest: 1, held: 2, total: 4 });
    expect(sharedWith([['2019', '年']], new Map([['2019', [1]]]))).toEqual({ longest: 4, held: 4, total: 5 });
    expect(sharesEnough({ longest: 1, held: 1, total: 4 })).toBe(false);
    expect(sharesEnough({ longest: 1, held: 3, total: 4 })).toBe(true);
    expect(sharesEnough({ longest: 1, held: 3, total: 5 })).toBe(false);
    expect(sharesEnough({ longest: 1, held: 2, total: 2 })).toBe(false);
  });

  it('keeps the date order of the hits sharing part of the query, when sorted by date', async () => {
    const pagefind = fakePagefind({ newest: '灌区', middle: '韶山灌区', oldest: '韶山韶山' });
    const { exact, loose } = await phraseSearch(pagefind, '韶山灌区', { sort: { order: 'desc' } });
    expect(exact.map((h: Hit) => h.id)).toEqual(['middle']);
    expect(loose.map((h: Hit) => h.id)).toEqual(['newest', 'oldest']);
  });

  it('orders the exact hits by how often they hold the phrase', async () => {
    const pagefind = fakePagefind({ once: '危桥', twice: '重建危桥，排查灌区危桥隐患的工作，已经完成了很多很多' });
    const { exact } = await phraseSearch(pagefind, '危桥');
    expect(exact.map((h: Hit) => h.id)).toEqual(['twice', 'once']);
  });

  it('requires each space-separated word as a phrase', async () => {
    const pagefind = fakePagefind({ both: '危桥在湘潭', one: '危桥在长沙，潭湘' });
    const { exact, loose } = await phraseSearch(pagefind, '危桥 湘潭');
    expect(exact.map((h: Hit) => h.id)).toEqual(['both']);
    expect(loose.map((h: Hit) => h.id)).toEqual(['one']);
  });
});

describe('which years a search looks at', () => {
  const { archiveSearch, FEW_HITS_BUDGET, PAGE_OF_HITS, WIDE_SEARCH_BUDGET, wideSearchWeight } = searchCore;
  // An archive of three parts: the older issues, and the last two years (2025, 2026).
  const listed = [
    { part: 0, path: 'part-0/', years: [2001, 2024], articles: 1000 },
    { part: 1, path: 'part-1/', years: [2025, 2025], articles: 40, recent: true },
    { part: 2, path: '', years: [2026, 2026], articles: 30, recent: true },
  ];
  /** A stand-in archive (loadArchive): its handles search these texts, and say which was opened. */
  function fakeArchive(recentTexts: Record<string, string>, olderTexts: Record<string, string>, weight: number) {
    const opened: string[] = [];
    return {
      opened,
      archive: {
        listed,
        weigh: () => weight,
        recent: async () => {
          opened.push('recent');
          return { pagefind: fakePagefind(recentTexts), parts: [1, 2] };
        },
        all: async () => {
          opened.push('all');
          return { pagefind: fakePagefind({ ...olderTexts, ...recentTexts }), parts: [0, 1, 2] };
        },
      },
    };
  }
  const many = (n: number, text: string) => Object.fromEntries(Array.from({ length: n }, (_, i) => [`new-${i}`, text]));
  const heavy = FEW_HITS_BUDGET + 1;

  it('looks at every year at once for words that are not among the commonest', async () => {
    const { archive, opened } = fakeArchive(many(12, '代表小组活动'), { old: '代表小组' }, WIDE_SEARCH_BUDGET);
    const found = await archiveSearch(archive, '代表小组');
    expect(opened).toEqual(['all']);
    expect(found.years).toBeUndefined();
    expect(found.exact).toHaveLength(13);
  });

  it('shows the last two years for the commonest words when they fill a page, and says what every year would cost', async () => {
    const { archive, opened } = fakeArchive(many(PAGE_OF_HITS, '代表小组活动'), { old: '代表小组' }, WIDE_SEARCH_BUDGET + 1);
    const found = await archiveSearch(archive, '代表小组');
    expect(opened).toEqual(['recent']);
    expect(found).toMatchObject({ years: [2025, 2026], weight: WIDE_SEARCH_BUDGET + 1 });
    expect(found.exact).toHaveLength(PAGE_OF_HITS);
  });

  it('looks at every year when the last two hold less than a page with the phrase, unless that is too heavy', async () => {
    const few = fakeArchive(many(PAGE_OF_HITS - 1, '代表小组活动'), { old: '代表小组' }, FEW_HITS_BUDGET);
    expect((await archiveSearch(few.archive, '代表小组')).exact).toHaveLength(PAGE_OF_HITS);
    expect(few.opened).toEqual(['recent', 'all']);
    const tooHeavy = fakeArchive(many(PAGE_OF_HITS - 1, '代表小组活动'), { old: '代表小组' }, heavy);
    const found = await archiveSearch(tooHeavy.archive, '代表小组');
    expect(tooHeavy.opened).toEqual(['recent']);
    expect(found).toMatchObject({ years: [2025, 2026], weight: heavy });
  });

  it('names the years the recent parts hold, not those between, when the year before is years back', async () => {
    const gap = fakeArchive(many(PAGE_OF_HITS, '代表小组'), { old: '代表小组' }, FEW_HITS_BUDGET + 1);
    gap.archive.listed = [
      { part: 0, path: 'part-0/', years: [2001, 2009], articles: 500 },
      { part: 1, path: 'part-1/', years: [2010, 2010], articles: 40, recent: true },
      { part: 2, path: '', years: [2026, 2026], articles: 30, recent: true },
    ];
    expect((await archiveSearch(gap.archive, '代表小组')).years).toEqual([2010, 2026]);
    // A year between them is in no recent part: every part is searched.
    await archiveSearch(gap.archive, '代表小组', { filters: { year: '2015' } });
    expect(gap.opened).toEqual(['recent', 'all']);
  });

  it('downloads no more for a search the reader has replaced by another', async () => {
    const few = fakeArchive(many(1, '代表小组'), { old: '代表小组' }, FEW_HITS_BUDGET);
    const found = await archiveSearch(few.archive, '代表小组', {}, { isCurrent: () => false });
    expect(few.opened).toEqual(['recent']);
    expect(found.exact).toHaveLength(1);
  });

  it('looks at every year when the reader asks, or chooses an older year; at the recent parts alone for a recent year', async () => {
    const texts = many(PAGE_OF_HITS, '代表小组');
    const asked = fakeArchive(texts, { old: '代表小组' }, heavy);
    expect((await archiveSearch(asked.archive, '代表小组', {}, { wide: true })).years).toBeUndefined();
    expect(asked.opened).toEqual(['all']);
    const older = fakeArchive(texts, { old: '代表小组' }, heavy);
    await archiveSearch(older.archive, '代表小组', { filters: { year: '2019' } });
    expect(older.opened).toEqual(['all']);
    const recentYear = fakeArchive({ one: '代表小组' }, { old: '代表小组' }, heavy);
    const found = await archiveSearch(recentYear.archive, '代表小组', { filters: { year: '2025' } });
    expect(recentYear.opened).toEqual(['recent']);
    // That year is searched whole: nothing left to ask for.
    expect(found.years).toBeUndefined();
  });

  it('foresees the weight of every year from the common words parts.json lists, and the others at their estimate', () => {
    const common = { 代: 102, 表: 102, 小: 63 };
    expect(wideSearchWeight(common, 4, '代表小组')).toBe((102 + 102 + 63 + 4) * 1024);
    // Each character once, whichever word holds it; quotes and spaces are not words.
    expect(wideSearchWeight(common, 4, '“代表” 代表')).toBe(204 * 1024);
    // A word named like an object's property is a word, not the property.
    expect(wideSearchWeight(common, 4, 'constructor')).toBe(4 * 1024);
    // As Pagefind reads words: lower case, and punctuation no word.
    expect(wideSearchWeight({ npc: 20, 代: 102 }, 4, 'NPC《代表》')).toBe((20 + 102 + 4) * 1024);
  });
});

describe('the snippet of a hit', () => {
  const content =
    '了解到韶山灌区一座年久失修的人行桥存在安全隐患，积极安排协调相关部门重建危桥，推动对整个灌区危桥安全隐患的排查和解决。株洲市芦淞区人大代表认真履职。';
  const excerpt = '隐患，积极安排协调相关部门重建<mark>危</mark><mark>桥</mark>，推动对整个灌区<mark>危</mark><mark>桥</mark>安全隐';

  it('starts after punctuation, ends at a whole word, and says where the text goes on', () => {
    const trimmed = trimExcerpt(excerpt, content);
    expect(trimmed).toEqual({ text: '积极安排协调相关部门重建危桥，推动对整个灌区危桥安全', before: true, after: true });
    expect(snippetHtml(trimmed, marks(trimmed.text, ['危桥'], true))).toBe(
      '……积极安排协调相关部门重建<mark>危桥</mark>，推动对整个灌区<mark>危桥</mark>安全……',
    );
  });

  it('does not start inside a word that ICU cut into characters', () => {
    const trimmed = trimExcerpt('区一座年久失修的人行桥存在安全隐患，积极安排协调相关部门重建<mark>危</mark><mark>桥</mark>，推动', content);
    expect(trimmed.text.startsWith('区')).toBe(false);
    expect(trimmed.before).toBe(true);
  });

  it('starts at the paragraph after a byline cut inside its words, with no ellipsis', () => {
    const whole = '关于代表小组的报告 省人大常委会联工委调研组 为掌握全省人大代表参加代表小组活动的情况，现将有关情况报告如下。';
    const trimmed = trimExcerpt('工委调研组 为掌握全省人大代表参加<mark>代</mark><mark>表</mark><mark>小</mark><mark>组</mark>活动的情况，现将有关', whole);
    expect(trimmed).toEqual({ text: '为掌握全省人大代表参加代表小组活动的情况，', before: false, after: true });
  });

  it('needs no ellipsis where the text starts or ends', () => {
    expect(trimExcerpt('现将有关情况报告如下。', '现将有关情况报告如下。')).toEqual({ text: '现将有关情况报告如下。', before: false, after: false });
  });

  it("keeps a section's heading whole, where the excerpt starts with it", () => {
    const whole = '各地开展工作。 一、主要做法 （一）抓好代表学习培训。各地普遍举办代表履职学习班，全年培训县乡人大代表一万余人次。';
    const trimmed = trimExcerpt(
      '一、主要做法 （一）抓好<mark>代</mark><mark>表</mark>学习培训。各地普遍举办<mark>代</mark><mark>表</mark>履职学习班，全年培训县',
      whole,
    );
    expect(trimmed).toEqual({ text: '一、主要做法\u3000（一）抓好代表学习培训。各地普遍举办代表履职学习班，', before: false, after: true });
  });

  it('separates a heading from the text after it by an ideographic space, not by ". "', () => {
    const trimmed = trimExcerpt('一、基本情况 （一）主要领导率先垂范。', '一、基本情况 （一）主要领导率先垂范。');
    expect(trimmed.text).toBe('一、基本情况\u3000（一）主要领导率先垂范。');
  });

  it('marks runs of two characters or more in a hit holding only parts of the query', () => {
    const text = '了解到韶山灌区一座年久失修的人行桥，组织市人大代表';
    const marked = (words: string[], exact: boolean) => marks(text, words, exact).map(([a, b]: [number, number]) => text.slice(a, b));
    expect(marked(['危桥'], false)).toEqual([]);
    expect(marked(['代表小组'], false)).toEqual(['代表']);
    expect(marked(['韶山灌区'], true)).toEqual(['韶山灌区']);
    expect(marked(['韶山水库'], false)).toEqual(['韶山']);
  });
});
