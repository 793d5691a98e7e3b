// Stage 1: read content/ into VFiles: site.yml, and every content/<year>/<NN>.md in path order.
import type { Dirent } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { VFile } from 'vfile';
import { MAX_FILE_BYTES, MAX_LINES } from '../limits.ts';
import { type ContentEntry, given, HARDENED } from '../messages/catalogue.ts';
import { READING } from '../messages/reading.ts';
import { report } from '../messages.ts';
import { type Decoded, decodeText } from '../text/decode-text.ts';
import { removeFromFile } from '../text/xml-characters.ts';
import { type FileRead, readRegularFile } from './read-regular-file.ts';

/** The site's settings, relative to the project. */
export const SITE_FILE = 'content/site.yml';

const ISSUE_FILE = /^content\/[^./][^/]*\/[^/]+\.md$/;
/** Whether a path relative to the project is an issue file (content/<year>/<name>.md). */
export const isIssuePath = (relPath: string) => ISSUE_FILE.test(relPath);

const kib = (bytes: number) => `${Math.round(bytes / 1024)} KB`;

type Unreadable = Exclude<FileRead, { ok: true }>['problem'] & string;

/** Why a file is not read, as the editor is told (the link out of the project has its own message). */
const UNREADABLE: Record<Exclude<Unreadable, 'outside'>, ContentEntry<void>> = {
  missing: READING.missingFile,
  folder: READING.folderNotFile,
  'not-regular': READING.notRegular,
  'too-large': given(READING.fileTooLarge, { size: kib(MAX_FILE_BYTES) }),
};

/** The message for a text that is not UTF-8: which kind of file it is, and how to save it as text. */
export function notUtf8(decoded: Decoded, relPath: string): ContentEntry<void> {
  if (decoded.ok) return READING.gbk;
  switch (decoded.binary) {
    case 'docx':
      return given(READING.docx, { relPath });
    case 'doc':
      return given(READING.doc, { relPath });
    case 'pdf':
      return given(READING.pdf, { relPath });
    case 'binary':
      return READING.binary;
    default:
      return READING.unknownEncoding;
  }
}

/** True when the text has a line after its first `count` lines. */
function hasMoreLines(text: string, count: number): boolean {
  let end = -1;
  for (let line = 0; line < count; line++) {
    end = text.indexOf('\n', end + 1);
    if (end < 0) return false;
  }
  return end < text.length - 1;
}

/** A file of content/ as read from disk, before it is decoded: what the whole-build key is made of. */
export interface RawSource {
  relPath: string;
  read: FileRead;
}

/** Reads a file of the project as bytes, when it is a regular file within the size limit. */
export function readSource(root: string, relPath: string): RawSource {
  return { relPath, read: readRegularFile(path.join(root, relPath), MAX_FILE_BYTES, { within: root }) };
}

/**
 * A file read as an editor meant it: UTF-8, with any BOM dropped and CRLF line ends made LF,
 * without the characters XML forbids; any other encoding is an error that says how to save the
 * file again. Only a regular file within the limits is read; anything else is an error at its start.
 */
export function decodeSource(root: string, { relPath, read }: RawSource): VFile {
  const file = new VFile({ path: relPath, cwd: root, value: '' });
  if (!read.ok && read.problem === 'outside') {
    report(file, HARDENED.outsideProject, { target: read.target });
    return file;
  }
  if (!read.ok) {
    report(file, UNREADABLE[read.problem], undefined);
    return file;
  }
  const decoded = decodeText(read.bytes);
  if (!decoded.ok || decoded.encoding === 'GB18030') {
    report(file, notUtf8(decoded, relPath), undefined);
    return file;
  }
  if (hasMoreLines(decoded.text, MAX_LINES)) {
    report(file, READING.tooManyLines, { lines: MAX_LINES }, { line: MAX_LINES + 1, column: 1 });
    return file;
  }
  file.value = removeFromFile(file, decoded.text);
  return file;
}

/** Reads and decodes a text file of the project (decodeSource). */
export async function readText(root: string, relPath: string): Promise<VFile> {
  return decodeSource(root, readSource(root, relPath));
}

/**
 * Pictures and attachments in content/, at any depth, which the build publishes at the same path
 * in the site (content/2019/10/现场照片.png → 2019/10/现场照片.png); the 党政机关网站标识 may be
 * kept directly in content/. The one list of what is published from content/.
 */
export const PUBLISHED_EXTENSIONS = ['png', 'jpg', 'jpeg', 'gif', 'webp', 'svg', 'pdf'] as const;
const PUBLISHED = new RegExp(`^content/(?:[^./][^/]*/)*[^./][^/]*\\.(?:${PUBLISHED_EXTENSIONS.join('|')})$`, 'i');
/** Whether a path relative to the project is a picture or attachment of content/ to publish. */
export const isPublishedPath = (relPath: string) => PUBLISHED.test(relPath);
/** Where a file of content/ is published in the site: content/2019/10/a.png → 2019/10/a.png. */
export const publishedSitePath = (relPath: string) => relPath.slice('content/'.length);

/**
 * Whether a saved path makes the next run read content/ whole: site.yml, a picture or attachment
 * (the list of what is published), or a folder that appeared or vanished as a whole.
 */
export const readsAll = (relPath: string) => relPath === SITE_FILE || isPublishedPath(relPath) || (relPath.startsWith('content/') && relPath.endsWith('/'));

/** Folders inside a year's folder looked into for pictures: deeper ones are not published. */
const MAX_FOLDER_DEPTH = 8;

/** Files an editor may have dropped into content/ to publish, which the build does not read. */
const IMPORTABLE = /\.(docx?|txt|wps)$/i;

/** The other names editors' tools give Markdown files (09.MD, 09.markdown): meant as issues, not read. */
const MARKDOWN_LIKE = /\.(md|markdown|mdown|mkdn?|mdwn|mdtxt|mdtext)$/i;

/** A file or folder in content/ that is not read, with the message that says what to do about it. */
interface Unread {
  relPath: string;
  entry: ContentEntry<void>;
}

/** A folder, or a link to one: a year folder may be a link to where the files are kept. */
async function isFolder(dir: string, entry: Dirent): Promise<boolean> {
  if (entry.isDirectory()) return true;
  return (
    entry.isSymbolicLink() &&
    (await stat(path.join(dir, entry.name)).then(
      (s) => s.isDirectory(),
      () => false,
    ))
  );
}

/** Why a file beside the issues (`inYear`: in a year folder, else in content/ itself) is not read, if it looks meant for publishing. */
function notRead(relPath: string, name: string, inYear: boolean): Unread | undefined {
  // Word's lock file beside a document it has open (~$旧稿.docx): not a document, and gone when Word closes.
  if (name.startsWith('~$')) return undefined;
  if (MARKDOWN_LIKE.test(name) && inYear) {
    return { relPath, entry: given(READING.issueFileName, { wanted: `${name.replace(MARKDOWN_LIKE, '')}.md` }) };
  }
  // Where it belongs is told once every issue file is listed (misplaced below).
  if (MARKDOWN_LIKE.test(name)) return { relPath, entry: given(READING.misplacedIssue, {}) };
  return IMPORTABLE.test(name) ? { relPath, entry: given(READING.notMarkdown, { relPath }) } : undefined;
}

/**
 * Lists issue files as content/<year>/<name>.md, sorted, whatever order the file system gives,
 * and the files that look meant for publishing but are not read, each with what to do.
 */
async function listFiles(root: string): Promise<{ issues: string[]; published: string[]; unread: Unread[] }> {
  const contentDir = path.join(root, 'content');
  const issues: string[] = [];
  const published: string[] = [];
  const unread: (Unread | undefined)[] = [];
  for (const entry of await readdir(contentDir, { withFileTypes: true }).catch(() => [])) {
    if (entry.name.startsWith('.')) continue;
    const relPath = `content/${entry.name}`;
    if (!(await isFolder(contentDir, entry))) {
      if (isPublishedPath(relPath)) published.push(relPath);
      unread.push(notRead(relPath, entry.name, false));
      continue;
    }
    const names = await readdir(path.join(contentDir, entry.name), { withFileTypes: true }).catch(() => undefined);
    if (!names) {
      unread.push({ relPath, entry: READING.unreadableFolder });
      continue;
    }
    for (const name of names.filter((n) => !n.name.startsWith('.'))) {
      const filePath = `${relPath}/${name.name}`;
      if (name.name.endsWith('.md')) issues.push(filePath);
      else if (name.isDirectory()) published.push(...(await publishedIn(root, filePath, 1)));
      else if (isPublishedPath(filePath)) published.push(filePath);
      else unread.push(notRead(filePath, name.name, true));
    }
  }
  const listed = unread.filter((u): u is Unread => u !== undefined);
  for (const u of listed) if (u.entry.rule === READING.misplacedIssue.rule) u.entry = await misplaced(root, u.relPath, issues);
  return { issues: issues.sort(), published: published.sort(), unread: listed.sort((a, b) => a.relPath.localeCompare(b.relPath)) };
}

/** The pictures and attachments in a folder inside a year's folder and its own folders (never through a link to a folder). */
async function publishedIn(root: string, relDir: string, depth: number): Promise<string[]> {
  if (depth > MAX_FOLDER_DEPTH) return [];
  const found: string[] = [];
  for (const entry of await readdir(path.join(root, relDir), { withFileTypes: true }).catch(() => [])) {
    if (entry.name.startsWith('.')) continue;
    const relPath = `${relDir}/${entry.name}`;
    if (entry.isDirectory()) found.push(...(await publishedIn(root, relPath, depth + 1)));
    else if (isPublishedPath(relPath)) found.push(relPath);
  }
  return found;
}

/**
 * The warning for an issue file outside the year folders: where it belongs by its own date and
 * 期号 when they can be read (its front matter parsed only then: the stages load on first use).
 */
async function misplaced(root: string, relPath: string, issues: readonly string[]): Promise<ContentEntry<void>> {
  const file = decodeSource(root, readSource(root, relPath));
  if (file.messages.some((m) => m.fatal)) return given(READING.misplacedIssue, {});
  const { placeByFrontMatter } = await import('./parse-issue.ts');
  const wanted = placeByFrontMatter(String(file.value));
  return given(READING.misplacedIssue, { wanted, taken: wanted !== undefined && issues.includes(wanted) });
}

function unreadFile(root: string, { relPath, entry }: Unread): VFile {
  const file = new VFile({ path: relPath, cwd: root, value: '' });
  report(file, entry, undefined);
  return file;
}

/**
 * The issue files of content/, in path order, its pictures and attachments to publish, and the
 * files and folders beside them that are not read, each with its message.
 */
export async function listContent(root: string): Promise<{ issues: string[]; published: string[]; otherFiles: VFile[] }> {
  const { issues, published, unread } = await listFiles(root);
  return { issues, published, otherFiles: unread.map((u) => unreadFile(root, u)) };
}
