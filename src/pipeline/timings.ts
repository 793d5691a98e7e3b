// What `npm run build -- --timings` prints: the time of each stage of the pipeline and the
// cache's hits in it (as Eleventy's benchmark output and Hugo's --templateMetrics do), so an
// editor can see why a build was slow. The Project marks where each stage starts (lap); a
// stage ends where the next one starts, and a stage met twice adds up. The cache's lookups are
// counted by the stage that makes them (cache/namespaces.ts), whenever it runs: the search index
// is made beside the PDFs and pages, and its row shows the time the build waited for it after them.
import { NAMESPACES, type Namespace } from '../cache/namespaces.ts';
import { TIMINGS } from '../messages/commands.ts';

/** The stages, in the order of the table, with their labels. */
const STAGES = TIMINGS.stages;

export type Stage = keyof typeof STAGES;

/** The cache's lookups so far, found and not found, by namespace (Cache.lookups). */
export type Lookups = Readonly<Partial<Record<Namespace, { readonly hits: number; readonly misses: number }>>>;

interface Spent {
  ms: number;
  hits: number;
  misses: number;
}

export class Timings {
  private readonly spent = new Map<Stage, number>();
  private current?: { stage: Stage; at: number };
  private lookups: Lookups = {};

  constructor(private readonly now: () => number = () => performance.now()) {}

  /** The cache whose lookups are counted, each by the stage that makes it. */
  countLookups(lookups: Lookups | undefined): void {
    if (lookups) this.lookups = lookups;
  }

  /** Starts a stage, ending the one before. */
  lap(stage: Stage): void {
    this.stop();
    this.current = { stage, at: this.now() };
  }

  /** Ends the stage running. */
  stop(): void {
    const current = this.current;
    if (!current) return;
    this.spent.set(current.stage, (this.spent.get(current.stage) ?? 0) + this.now() - current.at);
    this.current = undefined;
  }

  /** The stages that ran, in the pipeline's order, with the cache lookups each made. */
  stages(): ({ stage: Stage; label: string } & Spent)[] {
    return (Object.keys(STAGES) as Stage[]).flatMap((stage) => {
      const ms = this.spent.get(stage);
      if (ms === undefined) return [];
      const counts = (Object.keys(NAMESPACES) as Namespace[]).filter((ns) => NAMESPACES[ns] === stage).map((ns) => this.lookups[ns]);
      const hits = counts.reduce((sum, c) => sum + (c?.hits ?? 0), 0);
      const misses = counts.reduce((sum, c) => sum + (c?.misses ?? 0), 0);
      return [{ stage, label: STAGES[stage], ms, hits, misses }];
    });
  }

  /**
   * The table for the editor: time, cache hits of lookups, stage. The Chinese label comes last,
   * so that the columns line up whatever the width of its characters.
   * startupMs: from Node's start to the command's; totalMs: from Node's start to now.
   */
  format({ startupMs, totalMs }: { startupMs: number; totalMs: number }): string {
    // Nine and thirteen columns wide on a terminal, where a Chinese character takes two.
    const seconds = (ms: number) => TIMINGS.seconds((ms / 1000).toFixed(2)).padStart(8);
    const hits = ({ hits, misses }: Spent) => (hits + misses === 0 ? '—' : `${hits}/${hits + misses}`).padStart(13);
    const none = { ms: 0, hits: 0, misses: 0 };
    const rows = [
      TIMINGS.header,
      `${seconds(startupMs)} ${hits(none)}  ${TIMINGS.startup}`,
      ...this.stages().map((s) => `${seconds(s.ms)} ${hits(s)}  ${s.label}`),
      `${seconds(totalMs)} ${hits(none)}  ${TIMINGS.total}`,
    ];
    const notes: string[] = [TIMINGS.cacheNote];
    if (this.spent.has('search')) notes.push(TIMINGS.searchNote);
    return TIMINGS.table(`${rows.join('\n')}\n${notes.join('\n')}`);
  }
}
