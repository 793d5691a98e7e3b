import { describe, expect, it } from 'vitest';
import { Timings } from './timings.ts';

/** A clock the test moves by hand, and a cache's lookups it counts by hand. */
function setup() {
  let now = 0;
  const lookups = { issues: { hits: 0, misses: 0 }, search: { hits: 0, misses: 0 }, output: { hits: 0, misses: 0 } };
  const timings = new Timings(() => now);
  timings.countLookups(lookups);
  return { timings, lookups, advance: (ms: number) => (now += ms) };
}

describe('timings', () => {
  it('ends a stage where the next starts, and counts the cache lookups of each stage', () => {
    const { timings, lookups, advance } = setup();
    timings.lap('read');
    advance(30);
    timings.lap('parse');
    lookups.issues.hits += 998;
    lookups.issues.misses += 2;
    advance(400);
    timings.lap('pages');
    advance(1200);
    timings.stop();
    advance(5000);
    expect(timings.stages()).toEqual([
      { stage: 'read', label: '1 读取稿件', ms: 30, hits: 0, misses: 0 },
      { stage: 'parse', label: '2 解析与排版', ms: 400, hits: 998, misses: 2 },
      { stage: 'pages', label: '6 生成页面', ms: 1200, hits: 0, misses: 0 },
    ]);
  });

  it('counts a lookup for the stage that made it, even while another stage runs beside it', () => {
    const { timings, lookups, advance } = setup();
    timings.lap('pages');
    lookups.search.misses += 10;
    advance(300);
    timings.lap('search');
    advance(50);
    timings.stop();
    expect(timings.stages().map(({ stage, ms, hits, misses }) => [stage, ms, hits, misses])).toEqual([
      ['pages', 300, 0, 0],
      ['search', 50, 0, 10],
    ]);
  });

  it('adds up a stage met twice, and lists the stages in the pipeline’s order', () => {
    const { timings, lookups, advance } = setup();
    timings.lap('publish');
    advance(10);
    timings.lap('read');
    lookups.output.hits += 1;
    advance(300);
    timings.lap('publish');
    advance(40);
    timings.stop();
    expect(timings.stages().map(({ stage, ms, hits, misses }) => [stage, ms, hits, misses])).toEqual([
      ['read', 300, 1, 0],
      ['publish', 50, 0, 0],
    ]);
  });

  it('prints a table with the start-up, each stage that ran, and the total', () => {
    const { timings, lookups, advance } = setup();
    timings.lap('parse');
    lookups.issues.hits += 4;
    advance(1234);
    timings.stop();
    const lines = timings.format({ startupMs: 210, totalMs: 1500 }).split('\n');
    expect(lines).toEqual([
      '各阶段用时：',
      '     用时 缓存命中/查找  阶段',
      '  0.21 秒             —  0 启动（Node 与程序载入）',
      '  1.23 秒           4/4  2 解析与排版',
      '  1.50 秒             —  合计',
      '（缓存命中/查找：从 .cache/build/ 直接取用的条目数/查找的条目数。）',
    ]);
  });
});
