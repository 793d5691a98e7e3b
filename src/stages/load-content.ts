// Stage 1: read content/ into VFiles: site.yml, and every content/<year>/<NN>.md in path order.
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { VFile } from 'vfile';
import { reportError } from '../messages.ts';

export interface ContentFiles {
  siteFile: VFile;
  issueFiles: VFile[];
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Reads a text file as an editor meant it: UTF-8, with any BOM dropped and CRLF line ends made LF. */
export async function readText(root: string, relPath: string): Promise<VFile> {
  const file = new VFile({ path: relPath, cwd: root });
  let bytes: Buffer;
  try {
    bytes = await readFile(path.join(root, relPath));
  } catch {
    reportError(file, '找不到这个文件，或没有读取权限', 'missing-file');
    file.value = '';
    return file;
  }
  try {
    file.value = utf8.decode(bytes).replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  } catch {
    file.value = '';
    reportError(file, '文件不是 UTF-8 编码：请在编辑器中以 UTF-8 编码另存', 'encoding');
  }
  return file;
}

/** Lists issue files as content/<year>/<name>.md, sorted, whatever order the file system gives. */
async function listIssuePaths(root: string): Promise<string[]> {
  const contentDir = path.join(root, 'content');
  const found: string[] = [];
  for (const entry of await readdir(contentDir, { withFileTypes: true })) {
    if (!entry.isDirectory() || entry.name.startsWith('.')) continue;
    for (const name of await readdir(path.join(contentDir, entry.name))) {
      if (name.endsWith('.md')) found.push(`content/${entry.name}/${name}`);
    }
  }
  return found.sort();
}

export async function loadContent(root: string): Promise<ContentFiles> {
  const siteFile = await readText(root, 'content/site.yml');
  const issueFiles = await Promise.all((await listIssuePaths(root)).map((p) => readText(root, p)));
  return { siteFile, issueFiles };
}
