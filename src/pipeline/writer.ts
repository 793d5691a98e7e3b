// Where the pipeline publishes a site: a Writer takes one version of the site at a time. The
// pipeline never knows which writer it holds: the disk writer publishes dist/ atomically
// (disk-writer.ts), the memory writer keeps the site for the dev server and the tests, and the
// null writer keeps nothing (npm run check).
import type { KeptMessage } from '../messages/kept-message.ts';
import type { SiteOutput } from '../model/output.ts';

/**
 * What a build leaves with the site it published: the key of all its inputs, and what it said.
 * A later build with the same key, finding the site as it was left, need do nothing.
 */
export interface BuildStamp {
  key: string;
  summary: BuildSummary;
  /** What the pages were made of, for the next build to render only the pages a change reaches. */
  render?: RenderRecord;
}

/**
 * The inputs of a site's pages: the key of what every page shares (the tool, templates, site.yml,
 * options) and each issue's place in the site with a hash of all it shows (its print).
 */
export interface RenderRecord {
  key: string;
  issues: PublishedIssue[];
}

export interface PublishedIssue {
  source: string;
  path: string;
  year: number;
  print: string;
}

/** The last published site, whole as it was left: what its pages were made of, and its files. */
export interface LastSite {
  render: RenderRecord;
  files: string[];
}

export interface BuildSummary {
  /** Issues published, pages, and the issue paths with a PDF. */
  issues: number;
  pages: number;
  pdfs: string[];
  /** Source paths of the drafts left out. */
  drafts: string[];
  /** The warnings and notes of each file (a published site has no error). */
  messages: { path: string; messages: KeptMessage[] }[];
}

export interface Writer {
  /** The summary of the build that published the site as it is, when that build's key is this one. */
  current?(key: string): Promise<BuildSummary | undefined>;
  /** The last published site, when its build left a render record and every file is as it was left. */
  last?(): Promise<LastSite | undefined>;
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
  commit(files: ReadonlySet<string>, stamp?: BuildStamp): Promise<string[]>;
  /** Drops the new version: the site stays as it was. */
  abort(): Promise<void>;
}

const sameContent = (a: string | Uint8Array | undefined, b: string | Uint8Array) =>
  a !== undefined && (typeof a === 'string' && typeof b === 'string' ? a === b : Buffer.from(a).equals(Buffer.from(b)));

/** The site in memory: what the dev server serves and what tests read. */
export class MemoryWriter implements Writer {
  readonly output: SiteOutput = new Map();
  private pending = new Map<string, string | Uint8Array>();

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
  async begin(): Promise<void> {}
  async put(): Promise<void> {}
  async commit(): Promise<string[]> {
    return [];
  }
  async abort(): Promise<void> {}
}
