// What a run leaves for the next one, beside the site it published: the key of all its inputs
// (when the next run's key is the same and the site is as it was left, there is nothing to do),
// what it said (told again then), and the key of every file it planned (plan.ts), so that the next
// run makes only the files whose keys changed. A record holds for one version of the site only:
// the writer's version of the files it published (Writer.version), which a site changed by hand
// or a run killed before its record was written does not match.

import { type Cache, hashOf } from '../cache/cache.ts';
import { keptMessageSchema } from '../messages/kept-message.ts';
import { z } from '../vendor/zod.ts';

export const summarySchema = z.object({
  /** Issues published, pages, and the issue paths with a PDF. */
  issues: z.number(),
  pages: z.number(),
  pdfs: z.array(z.string()),
  /** Source paths of the drafts left out. */
  drafts: z.array(z.string()),
  /** The warnings and notes of each file (a published site has no error). */
  messages: z.array(z.object({ path: z.string(), messages: z.array(keptMessageSchema) })),
});

export type BuildSummary = z.infer<typeof summarySchema>;

export const runRecordSchema = z.object({
  /** The whole-build key (build-keys.ts); empty for a run that no build matches (npm run pdf). */
  build: z.string(),
  summary: summarySchema,
  /** The writer's version of the site this record describes. */
  version: z.string(),
  /** Output path → the key of what it was made from. */
  files: z.record(z.string(), z.string()),
});

export type RunRecord = z.infer<typeof runRecordSchema>;

/** Where the records of one output are kept: the cache for a folder on disk, memory for the dev server. */
export interface RecordStore {
  read(): Promise<RunRecord | undefined>;
  write(record: RunRecord): Promise<void>;
}

export class MemoryRecord implements RecordStore {
  private record?: RunRecord;
  async read(): Promise<RunRecord | undefined> {
    return this.record;
  }
  async write(record: RunRecord): Promise<void> {
    this.record = record;
  }
}

/** The record of an output folder, in the cache (namespace record, keyed by the folder's path). */
export class CachedRecord implements RecordStore {
  private readonly key: string;
  private known?: { record?: RunRecord };

  constructor(
    private readonly cache: Cache,
    outDir: string,
  ) {
    this.key = hashOf(outDir);
  }

  async read(): Promise<RunRecord | undefined> {
    this.known ??= { record: await this.cache.readValue('record', this.key, (v): v is RunRecord => runRecordSchema.safeParse(v).success) };
    return this.known.record;
  }

  async write(record: RunRecord): Promise<void> {
    this.known = { record };
    await this.cache.writeValue('record', this.key, record);
  }
}
