// The phrase-first ranking of the search page (templates/assets/search-core.js), with a stand-in
// for Pagefind that finds words in a few texts the way the real index holds them.
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a browser module without types, tested as it ships
import { phraseCount, phraseSearch, queryWords, spaced } from '../templates/assets/search-core.js';

interface Hit { id: string; score: number; words: number[] }

/** Pagefind in miniature: an unquoted query finds texts holding every character, ranked by how many; quoted, texts holding them in a row. */
function fakePagefind(texts: Record<string, string>) {
  const chars = (query: string) => query.replace(/"/g, '').split(' ').filter(Boolean);
  return {
    async search(query: string, _options: object) {
      const wanted = chars(query);
      const quoted = query.startsWith('"');
      const results: Hit[] = [];
      for (const [id, text] of Object.entries(texts)) {
        const positions = [...text].flatMap((c, i) => (wanted.includes(c) ? [i] : []));
        const holds = quoted ? text.includes(wanted.join('')) : wanted.every((c) => text.includes(c));
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
    expect(loose.map((h: Hit) => h.id)).toEqual(['short', 'scattered']);
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
