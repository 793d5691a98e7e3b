// Stage 1: read content/ into VFiles: site.yml, and every content/<year>/<NN>.md in path order.
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { VFile } from 'vfile';
import { reportError } from '../messages.ts';
import { decodeText, notUtf8Reason } from './decode-text.ts';

export interface ContentFiles {
  siteFile: VFile;
  issueFiles: VFile[];
}

/** Reads a text file as an editor meant it: UTF-8, with any BOM dropped and CRLF line ends made LF; any other encoding is an error that says how to save the file again. */
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
  const decoded = decodeText(bytes);
  if (decoded.ok && decoded.encoding !== 'GB18030') {
    file.value = decoded.text;
  } else {
    file.value = '';
    reportError(file, notUtf8Reason(decoded), 'encoding');
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
