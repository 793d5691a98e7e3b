// Where the pipeline publishes a site: a Writer takes one version of the site at a time. The
// pipeline never knows which writer it holds: the disk writer publishes dist/ atomically
// (disk-writer.ts), the memory writer keeps the site for the dev server and the tests, and the
// null writer keeps nothing (npm run check). A writer handles files only: what the files were
// made from is the run's record (record.ts).
import type { SiteOutput } from '../model/output.ts';

export interface Writer {
  /** The folder it publishes to, for a writer that publishes to disk: its runs' records are kept in the cache. */
  readonly outDir?: string;
  /**
   * The version of the site as published, when every file of it is as it was written: a record
   * of the run that published it holds for that version only (record.ts). undefined: no site, or
   * one changed since.
   */
  version(): Promise<string | undefined>;
  /**
   * The version the writer's last commit published, as it wrote it, without looking at the site
   * again: what the run that committed records (version() would find the same unless the site
   * was changed in the meantime, which the next run's version() finds).
   */
  committedVersion(): string | undefined;
  /** Opens a new version of the site. */
  begin(): Promise<void>;
  /**
   * Files of the current version that the new one keeps as they are, told before the others are
   * made so that the writer can take them over meanwhile (commit takes any it did not).
   */
  keepAll?(files: Iterable<string>): Promise<void>;
  /** A file of the new version. */
  put(file: string, content: string | Uint8Array): Promise<void>;
  /**
   * Makes the new version the site: it holds exactly `files`, and those of them not put are
   * kept as they are in the current version. Resolves to the paths that changed.
   */
  commit(files: ReadonlySet<string>): Promise<string[]>;
  /** Drops the new version: the site stays as it was. */
  abort(): Promise<void>;
  /**
   * After a commit: the old version, kept whole beside the new one because files were put into it
   * while the run made the new one (its folder, and those files); only a writer to disk has one.
   */
  readonly setAside?: { dir: string; files: string[] };
}

const sameContent = (a: string | Uint8Array | undefined, b: string | Uint8Array) =>
  a !== undefined && (typeof a === 'string' && typeof b === 'string' ? a === b : Buffer.from(a).equals(Buffer.from(b)));

/** The site in memory: what the dev server serves and what tests read. */
export class MemoryWriter implements Writer {
  readonly output: SiteOutput = new Map();
  private pending = new Map<string, string | Uint8Array>();

  /** Nothing but the writer changes the site in memory: it is always as committed. */
  async version(): Promise<string | undefined> {
    return 'memory';
  }

  committedVersion(): string | undefined {
    return 'memory';
  }

  async begin(): Promise<void> {
    this.pending = new Map();
  }

  async put(file: string, content: string | Uint8Array): Promise<void> {
    this.pending.set(file, content);
  }

  async commit(files: ReadonlySet<string>): Promise<string[]> {
    const changed: string[] = [];
    for (const [file, content] of this.pending) {
      if (!files.has(file)) continue;
      if (!sameContent(this.output.get(file), content)) changed.push(file);
      this.output.set(file, content);
    }
    for (const file of [...this.output.keys()]) {
      if (!files.has(file)) {
        this.output.delete(file);
        changed.push(file);
      }
    }
    this.pending = new Map();
    return changed.sort();
  }

  async abort(): Promise<void> {
    this.pending = new Map();
  }
}

/** Keeps nothing: npm run check runs every stage and publishes nowhere. */
export class NullWriter implements Writer {
  async version(): Promise<string | undefined> {
    return undefined;
  }
  committedVersion(): string | undefined {
    return undefined;
  }
  async begin(): Promise<void> {}
  async put(): Promise<void> {}
  async commit(): Promise<string[]> {
    return [];
  }
  async abort(): Promise<void> {}
}
