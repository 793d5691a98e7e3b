// Watches content/ and templates/ for saved files: the paths (relative to the project) saved
// since the last call, collected over a few milliseconds, since editors save in several steps.
// Each folder is watched on its own (not with { recursive: true }, which on Linux loses a file
// that an editor saves by writing a new file and renaming it over the old one); folders that
// appear later, such as a new year's, are watched from then on.
import { watch, type FSWatcher } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';

export interface Watcher {
  /** Settled when every folder there was at the start is watched. */
  ready: Promise<unknown>;
  close(): void;
}

/** Editors' backup, swap and lock files, and sed's: not the editor's text. */
const SCRATCH = /(^|\/)(\.[^/]*|[^/]*~|[^/]*\.swp|[^/]*\.tmp|4913|sed[A-Za-z0-9]{6})$/;

export function watchProject(
  projectDir: string,
  folders: readonly string[],
  onChange: (relPaths: string[]) => void,
  onError: (folder: string, error: Error) => void,
  settleMs = 30,
): Watcher {
  const pending = new Set<string>();
  const watchers = new Map<string, FSWatcher>();
  let timer: NodeJS.Timeout | undefined;
  let closed = false;

  const changed = (relPath: string) => {
    if (SCRATCH.test(relPath)) return;
    pending.add(relPath);
    clearTimeout(timer);
    timer = setTimeout(() => {
      const paths = [...pending].sort();
      pending.clear();
      onChange(paths);
    }, settleMs);
  };

  const watchFolder = async (relDir: string): Promise<void> => {
    if (closed || watchers.has(relDir)) return;
    const dir = path.join(projectDir, relDir);
    try {
      const watcher = watch(dir, (_event, name) => {
        if (!name) return changed(`${relDir}/`);
        const relPath = `${relDir}/${name}`;
        changed(relPath);
        // A new folder: watch it, and take in what was saved into it before its watch began.
        void stat(path.join(projectDir, relPath)).then(
          async (s) => {
            if (!s.isDirectory() || watchers.has(relPath)) return;
            await watchFolder(relPath);
            for (const entry of await readdir(path.join(projectDir, relPath))) changed(`${relPath}/${entry}`);
          },
          () => undefined,
        ).catch(() => undefined); // the folder went away again before it was read
      });
      watcher.on('error', (error) => {
        watchers.get(relDir)?.close();
        watchers.delete(relDir);
        // A folder deleted is no error; any other is told.
        if ((error as NodeJS.ErrnoException).code !== 'ENOENT' && (error as NodeJS.ErrnoException).code !== 'EPERM') onError(relDir, error);
      });
      watchers.set(relDir, watcher);
      for (const entry of await readdir(dir, { withFileTypes: true })) {
        if (entry.isDirectory() && !entry.name.startsWith('.')) await watchFolder(`${relDir}/${entry.name}`);
      }
    } catch (error) {
      if (folders.includes(relDir)) onError(relDir, error as Error);
    }
  };

  return {
    ready: Promise.all(folders.map(watchFolder)),
    close() {
      closed = true;
      clearTimeout(timer);
      for (const watcher of watchers.values()) watcher.close();
      watchers.clear();
    },
  };
}
