// What `npm run build -- --timings` prints: the time of each stage of the pipeline and the
// cache's hits in it (as Eleventy's benchmark output and Hugo's --templateMetrics do), so an
// editor can see why a build was slow. The Project marks where each stage starts (lap); a
// stage ends where the next one starts, and a stage met twice adds up.

/** The stages, in the order of the table (the numbers of project.ts). */
const STAGES = {
  read: '1 读取稿件',
  parse: '2 解析',
  check: '3 全刊检查',
  articles: '4 正文排版',
  pdfs: '6 PDF',
  pages: '7 生成页面',
  search: '8 搜索索引',
  publish: '9 写出网站',
} as const;

export type Stage = keyof typeof STAGES;

/** The cache's lookups so far, found and not found (Cache.lookups). */
export interface Lookups {
  readonly hits: number;
  readonly misses: number;
}

interface Spent {
  ms: number;
  hits: number;
  misses: number;
}

export class Timings {
  private readonly spent = new Map<Stage, Spent>();
  private current?: { stage: Stage; at: number; hits: number; misses: number };
  private lookups: Lookups = { hits: 0, misses: 0 };

  constructor(private readonly now: () => number = () => performance.now()) {}

  /** The cache whose lookups are counted per stage. */
  countLookups(lookups: Lookups | undefined): void {
    if (lookups) this.lookups = lookups;
  }

  /** Starts a stage, ending the one before. */
  lap(stage: Stage): void {
    this.stop();
    this.current = { stage, at: this.now(), hits: this.lookups.hits, misses: this.lookups.misses };
  }

  /** Ends the stage running. */
  stop(): void {
    const current = this.current;
    if (!current) return;
    const spent = this.spent.get(current.stage) ?? { ms: 0, hits: 0, misses: 0 };
    spent.ms += this.now() - current.at;
    spent.hits += this.lookups.hits - current.hits;
    spent.misses += this.lookups.misses - current.misses;
    this.spent.set(current.stage, spent);
    this.current = undefined;
  }

  /** The stages that ran, in the pipeline's order. */
  stages(): ({ stage: Stage; label: string } & Spent)[] {
    return (Object.keys(STAGES) as Stage[]).flatMap((stage) => {
      const spent = this.spent.get(stage);
      return spent ? [{ stage, label: STAGES[stage], ...spent }] : [];
    });
  }

  /**
   * The table for the editor: time, cache hits of lookups, stage. The Chinese label comes last,
   * so that the columns line up whatever the width of its characters.
   * startupMs: from Node's start to the command's; totalMs: from Node's start to now.
   */
  format({ startupMs, totalMs }: { startupMs: number; totalMs: number }): string {
    // Nine and thirteen columns wide on a terminal, where a Chinese character takes two.
    const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} 秒`.padStart(8);
    const hits = ({ hits, misses }: Spent) => (hits + misses === 0 ? '—' : `${hits}/${hits + misses}`).padStart(13);
    const none = { ms: 0, hits: 0, misses: 0 };
    const rows = [
      '     用时 缓存命中/查找  阶段',
      `${seconds(startupMs)} ${hits(none)}  0 启动（Node 与程序载入）`,
      ...this.stages().map((s) => `${seconds(s.ms)} ${hits(s)}  ${s.label}`),
      `${seconds(totalMs)} ${hits(none)}  合计`,
    ];
    return `各阶段用时：\n${rows.join('\n')}\n（缓存命中/查找：从 .cache/build/ 直接取用的条目数/查找的条目数。）`;
  }
}
