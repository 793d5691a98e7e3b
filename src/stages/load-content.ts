// Stage 1: read content/ into VFiles: site.yml, and every content/<year>/<NN>.md in path order.
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { VFile } from 'vfile';
import { reportError, reportWarning } from '../messages.ts';
import { decodeText, notUtf8Reason } from './decode-text.ts';

/** The site's settings, relative to the project. */
export const SITE_FILE = 'content/site.yml';

const ISSUE_FILE = /^content\/[^./][^/]*\/[^/]+\.md$/;
/** Whether a path relative to the project is an issue file (content/<year>/<name>.md). */
export const isIssuePath = (relPath: string) => ISSUE_FILE.test(relPath);

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

/** Files an editor may have dropped into content/ to publish, which the build does not read. */
const IMPORTABLE = /\.(docx?|txt|wps)$/i;

/**
 * Lists issue files as content/<year>/<name>.md, sorted, whatever order the file system gives,
 * and the files beside them that must be imported first.
 */
async function listFiles(root: string): Promise<{ issues: string[]; toImport: string[] }> {
  const contentDir = path.join(root, 'content');
  const issues: string[] = [];
  const toImport: string[] = [];
  const years = await readdir(contentDir, { withFileTypes: true }).catch(() => []);
  for (const entry of years) {
    if (!entry.isDirectory() || entry.name.startsWith('.')) continue;
    for (const name of await readdir(path.join(contentDir, entry.name))) {
      if (name.endsWith('.md')) issues.push(`content/${entry.name}/${name}`);
      else if (IMPORTABLE.test(name)) toImport.push(`content/${entry.name}/${name}`);
    }
  }
  return { issues: issues.sort(), toImport: toImport.sort() };
}

function importFirst(root: string, relPath: string): VFile {
  const file = new VFile({ path: relPath, cwd: root, value: '' });
  reportWarning(
    file,
    `生成网站只读 .md 文件，这个文件不会发布：请用 npm run import -- ${relPath} 把它转成期刊文件，核对后删去原文件`,
    'not-markdown',
  );
  return file;
}

/** The issue files of content/, in path order, and the files beside them that are not read, each with a warning. */
export async function listContent(root: string): Promise<{ issues: string[]; otherFiles: VFile[] }> {
  const { issues, toImport } = await listFiles(root);
  return { issues, otherFiles: toImport.map((p) => importFirst(root, p)) };
}
