// Watches content/ and templates/ for saved files: the paths (relative to the project) saved
// since the last call, collected over 10 ms, since editors save in several steps (a truncate and a
// write, a backup and a rename), which come within a millisecond or two of each other; a step that
// comes later still is taken by the next run, so the site ends as the files are.
// Each folder is watched on its own (not with { recursive: true }, which on Linux loses a file
// that an editor saves by writing a new file and renaming it over the old one); folders that
// appear later, such as a new year's, are watched from then on.
//
// A watch follows the folder itself, not its name: a folder moved away takes its watch with it,
// and one deleted ends it. So each watched folder is known by its inode, and the project folder
// is watched too: when a name changes (content/ moved away and back, deleted and made again),
// the watch goes to whatever folder has the name now, a folder that vanished is reported as
// `name/`, and every file of a folder that (re)appears is reported as saved.
import { type Dirent, type FSWatcher, statSync, watch } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';

export interface Watcher {
  /** Settled when every folder there was at the start is watched. */
  ready: Promise<unknown>;
  close(): void;
}

/** Editors' backup, swap and lock files, and sed's: not the editor's text. */
const SCRATCH = /(^|\/)(\.[^/]*|[^/]*~|[^/]*\.swp|[^/]*\.tmp|4913|sed[A-Za-z0-9]{6})$/;

const gone = (error: unknown) => ['ENOENT', 'ENOTDIR', 'EPERM'].includes((error as NodeJS.ErrnoException).code ?? '');

/** The paths saved, collected over settleMs and handed to onChange together, sorted. */
function savedPaths(onChange: (relPaths: string[]) => void, settleMs: number) {
  const pending = new Set<string>();
  let timer: NodeJS.Timeout | undefined;
  let closed = false;
  return {
    changed(relPath: string): void {
      if (closed || SCRATCH.test(relPath)) return;
      pending.add(relPath);
      clearTimeout(timer);
      timer = setTimeout(() => {
        const paths = [...pending].sort();
        pending.clear();
        onChange(paths);
      }, settleMs);
    },
    close(): void {
      closed = true;
      clearTimeout(timer);
    },
  };
}

/** The watches of the folders, each with the inode of the folder it follows, kept in line with their names. */
class FolderWatches {
  private readonly watched = new Map<string, { watcher: FSWatcher; ino: number }>();
  private closed = false;

  constructor(
    private readonly projectDir: string,
    private readonly changed: (relPath: string) => void,
    private readonly onError: (folder: string, error: Error) => void,
  ) {}

  unwatch(relDir: string): void {
    for (const [dir, { watcher }] of this.watched) {
      if (dir !== relDir && !dir.startsWith(`${relDir}/`)) continue;
      watcher.close();
      this.watched.delete(dir);
    }
  }

  /** Watches a folder and those in it; `announce`: reports its files as saved, for a folder that just appeared. */
  async watchFolder(relDir: string, announce: boolean): Promise<void> {
    if (this.closed || this.watched.has(relDir)) return;
    const dir = path.join(this.projectDir, relDir);
    const { ino } = statSync(dir);
    const watcher = watch(dir, (_event, name) => {
      if (!name) return this.changed(`${relDir}/`);
      const relPath = `${relDir}/${name}`;
      if (SCRATCH.test(relPath)) return;
      this.changed(relPath);
      void this.refresh(relPath);
    });
    this.watched.set(relDir, { watcher, ino });
    watcher.on('error', (error) => {
      if (this.watched.get(relDir)?.watcher === watcher) this.unwatch(relDir);
      if (gone(error)) void this.refresh(relDir);
      else this.onError(relDir, error);
    });
    if (announce) this.changed(`${relDir}/`);
    for (const entry of await readdir(dir, { withFileTypes: true })) {
      const relPath = `${relDir}/${entry.name}`;
      if (!(await this.isFolder(relPath, entry))) {
        if (announce) this.changed(relPath);
      } else if (!SCRATCH.test(relPath)) await this.watchFolder(relPath, announce).catch(() => undefined); // gone again already
    }
  }

  /** A folder, or a link to one (a year folder may be a link, as the build allows). */
  private async isFolder(relPath: string, entry: Dirent): Promise<boolean> {
    return (
      entry.isDirectory() ||
      (entry.isSymbolicLink() &&
        (await stat(path.join(this.projectDir, relPath)).then(
          (s) => s.isDirectory(),
          () => false,
        )))
    );
  }

  /** Brings the watch of a path in line with what now has its name: nothing, a file, the same folder or another. */
  async refresh(relPath: string): Promise<void> {
    const now = await stat(path.join(this.projectDir, relPath)).catch(() => undefined);
    const before = this.watched.get(relPath);
    if (now?.isDirectory() && before?.ino === now.ino) return;
    if (before) {
      this.unwatch(relPath);
      this.changed(`${relPath}/`);
    }
    if (now?.isDirectory()) await this.watchFolder(relPath, true).catch(() => undefined);
  }

  close(): void {
    this.closed = true;
    for (const { watcher } of this.watched.values()) watcher.close();
    this.watched.clear();
  }
}

/** The project folder, for its watched folders moved, deleted or made. */
function watchProjectFolder(projectDir: string, folders: readonly string[], watches: FolderWatches, onError: (folder: string, error: Error) => void) {
  try {
    const projectWatcher = watch(projectDir, (_event, name) => {
      if (name && folders.includes(name)) void watches.refresh(name);
    });
    projectWatcher.on('error', (error) => onError('.', error));
    return projectWatcher;
  } catch (error) {
    onError('.', error as Error);
    return undefined;
  }
}

export function watchProject(
  projectDir: string,
  folders: readonly string[],
  onChange: (relPaths: string[]) => void,
  onError: (folder: string, error: Error) => void,
  settleMs = 10,
): Watcher {
  const saved = savedPaths(onChange, settleMs);
  const watches = new FolderWatches(projectDir, saved.changed, onError);
  const projectWatcher = watchProjectFolder(projectDir, folders, watches, onError);
  const start = (folder: string) =>
    watches.watchFolder(folder, false).catch((error: unknown) => {
      watches.unwatch(folder);
      if (!gone(error)) onError(folder, error as Error); // one that is missing is watched when it appears
    });
  return {
    ready: Promise.all(folders.map(start)),
    close() {
      saved.close();
      projectWatcher?.close();
      watches.close();
    },
  };
}
