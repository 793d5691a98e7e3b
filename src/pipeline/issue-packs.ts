// The cache of stage 2, in packs: the issue files rendered together are kept together, up to
// PACK_SIZE in one entry of .cache/build/issues/, rather than an entry each. A cold build of 1000
// issues writes 4 files there, not 1000, and a build after it reads 4: creating a file costs far
// more than writing its bytes (at 1000 issues, the thousand entries took the main thread 0.3–0.4 s
// between the rendering and the pages, and as many inodes for the file system to find).
//
// A pack is one sealed entry (cache.ts): damaged, all its issues are misses and are rendered again.
// Its key begins with the generation (the tool and the site's settings for articles, which every
// issue's key covers too), so that a build reads only the packs it can use. A pack holding an issue
// that changed since keeps its other issues; once fewer than half of its issues are still wanted,
// or when small packs pile up (one per build after an edit), the issues still wanted are packed
// again with the new ones and the old packs removed. Only a build that read every issue file
// (prune) removes packs: a partial reading (the dev server after a save) only adds one.
import { type Cache, hashOf } from '../cache/cache.ts';
import type { Namespace } from '../cache/namespaces.ts';
import { isRenderedFile, type RenderedFile } from '../markdown/rendered-file.ts';

const NAMESPACE: Namespace = 'issues';

/** Issues a pack holds at most: at 1000 issues a pack is about 6 MB, serialized in one piece. */
export const PACK_SIZE = 250;

/** Packs smaller than PACK_SIZE kept at most; more are packed again together. */
const SMALL_PACKS = 4;

interface Pack {
  keys: string[];
  files: RenderedFile[];
}

const isPack = (value: unknown): value is Pack => {
  const pack = value as Pack;
  return (
    typeof pack === 'object' &&
    pack !== null &&
    Array.isArray(pack.keys) &&
    Array.isArray(pack.files) &&
    pack.keys.length > 0 &&
    pack.keys.length === pack.files.length &&
    pack.keys.every((key) => typeof key === 'string') &&
    pack.files.every(isRenderedFile)
  );
};

/**
 * The issue keys of each pack this process read or wrote, by cache folder and pack key: after a
 * save, the dev server reads no pack that holds none of the files it reads again.
 */
const known = new Map<string, string[]>();

/** A pack as listed: its key in the cache and the keys of its issues. */
interface Listed {
  key: string;
  keys: string[];
}

export interface IssuePacks {
  /** The files found in the cache, by their key. */
  found: ReadonlyMap<string, RenderedFile>;
  /**
   * Keeps the files rendered now, in packs; with prune (every issue file was read, and wanted holds
   * every key), packs few issues of which are wanted are packed again and the others removed.
   */
  store(made: readonly [key: string, file: RenderedFile][], prune: boolean): Promise<void>;
}

/** The packs of this generation, read for the keys wanted; wanted keys are counted as hits or misses. */
export async function openIssuePacks(cache: Cache | undefined, generation: string, wanted: ReadonlySet<string>, packSize = PACK_SIZE): Promise<IssuePacks> {
  const found = new Map<string, RenderedFile>();
  const packs: Listed[] = [];
  const prefix = `${generation.slice(0, 16)}-`;
  const memo = (key: string) => `${cache!.dir}\0${key}`;
  for (const key of ((await cache?.keys(NAMESPACE)) ?? []).filter((k) => k.startsWith(prefix)).sort()) {
    const keys = known.get(memo(key));
    if (keys && !keys.some((k) => wanted.has(k))) {
      packs.push({ key, keys });
      continue;
    }
    const pack = await cache!.readValue(NAMESPACE, key, isPack, { counted: false });
    if (!pack) {
      known.delete(memo(key));
      continue;
    }
    known.set(memo(key), pack.keys);
    packs.push({ key, keys: pack.keys });
    pack.keys.forEach((k, i) => {
      if (wanted.has(k) && !found.has(k)) found.set(k, pack.files[i]!);
    });
  }
  for (const key of wanted) cache?.tally(NAMESPACE, found.has(key));

  /** The keys of the packs written, or undefined when one could not be (a full disk). */
  async function write(entries: [string, RenderedFile][]): Promise<string[] | undefined> {
    const written: string[] = [];
    for (let start = 0; start < entries.length; start += packSize) {
      const piece = entries.slice(start, start + packSize);
      const keys = piece.map(([k]) => k);
      const key = `${prefix}${hashOf(...keys)}`;
      if (!(await cache!.writeValue(NAMESPACE, key, { keys, files: piece.map(([, file]) => file) } satisfies Pack))) return undefined;
      known.set(memo(key), keys);
      written.push(key);
    }
    return written;
  }

  return {
    found,
    async store(made, prune) {
      if (!cache) return;
      if (!prune) {
        await write([...made]);
        return;
      }
      const wantedIn = (pack: Listed) => pack.keys.filter((k) => wanted.has(k));
      let kept = packs.filter((pack) => wantedIn(pack).length * 2 >= pack.keys.length);
      if (kept.filter((pack) => pack.keys.length < packSize).length > SMALL_PACKS) kept = kept.filter((pack) => pack.keys.length >= packSize);
      // The wanted issues of the packs let go, packed again with those rendered now (each once).
      const entries = [...made];
      const placed = new Set([...kept.flatMap((pack) => pack.keys), ...made.map(([k]) => k)]);
      for (const pack of packs) {
        if (kept.includes(pack)) continue;
        for (const k of wantedIn(pack)) {
          const file = found.get(k);
          if (file && !placed.has(k)) entries.push([k, file]);
          placed.add(k);
        }
      }
      const written = await write(entries);
      // The issues moved could not be kept: the packs they were in stay.
      if (!written) return;
      for (const pack of packs) if (!kept.includes(pack)) known.delete(memo(pack.key));
      await cache.prune(NAMESPACE, new Set([...kept.map((pack) => pack.key), ...written]));
    },
  };
}
