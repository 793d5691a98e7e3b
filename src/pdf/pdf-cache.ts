// Printed PDFs, kept between builds in .cache/pdf/ under the hash of what was printed: a page that
// has not changed is never printed again, and every build (even without Chromium) can publish
// the PDFs already printed for pages that are still the same.
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';

export class PdfCache {
  constructor(readonly dir: string) {}

  private file(key: string): string {
    return path.join(this.dir, `${key}.pdf`);
  }

  /** The PDF printed from the page with this key, if there is one. */
  async get(key: string): Promise<Uint8Array | undefined> {
    try {
      return new Uint8Array(await readFile(this.file(key)));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw error;
    }
  }

  /** Stores a PDF; written under another name first, so that no half-written PDF is ever found. */
  async put(key: string, pdf: Uint8Array): Promise<void> {
    await mkdir(this.dir, { recursive: true });
    const partial = `${this.file(key)}.${process.pid}.part`;
    await writeFile(partial, pdf);
    await rename(partial, this.file(key));
  }

  /** Removes the PDFs of pages that no longer exist as they were. */
  async keepOnly(keys: Iterable<string>): Promise<void> {
    const keep = new Set([...keys].map((key) => `${key}.pdf`));
    const names = await readdir(this.dir).catch(() => [] as string[]);
    await Promise.all(names.filter((name) => name.endsWith('.pdf') && !keep.has(name)).map((name) => rm(path.join(this.dir, name), { force: true })));
  }
}
