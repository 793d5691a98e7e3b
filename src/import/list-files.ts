// What the editor named → the files to import: a file as it is, a folder with every importable
// file in it and its subfolders, in a stable order (by path, numbers by their value: 2 before 10).
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';

const IMPORTABLE = ['.txt', '.docx', '.doc', '.wps', '.pdf'];

export interface Listed {
  files: string[];
  /** Names that could not be read as a file or folder, with why. */
  problems: { name: string; reason: string }[];
}

const order = new Intl.Collator('zh-CN', { numeric: true }).compare;

/** Files Word and WPS leave beside an open document (~$报告.docx), and hidden ones, are no issues. */
const isLeftover = (name: string) => name.startsWith('~$') || name.startsWith('.');

async function filesIn(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { recursive: true, withFileTypes: true });
  const files = entries
    .filter((e) => e.isFile() && !isLeftover(e.name) && IMPORTABLE.includes(path.extname(e.name).toLowerCase()))
    .map((e) => path.join(e.parentPath, e.name))
    // Nothing under a hidden folder (.git, .cache) is taken.
    .filter(
      (file) =>
        !path
          .relative(folder, file)
          .split(path.sep)
          .some((part) => part.startsWith('.')),
    );
  return files.sort((a, b) => order(path.relative(folder, a), path.relative(folder, b)));
}

export async function listFiles(names: readonly string[], cwd: string): Promise<Listed> {
  const listed: Listed = { files: [], problems: [] };
  for (const name of names) {
    const full = path.resolve(cwd, name);
    const info = await stat(full).catch(() => undefined);
    if (!info) listed.problems.push({ name, reason: '找不到这个文件或文件夹，或没有读取权限\uFF1A请检查名字和路径' });
    else if (info.isDirectory()) listed.files.push(...(await filesIn(full)));
    else if (info.isFile()) listed.files.push(full);
    else listed.problems.push({ name, reason: '这不是普通的文件或文件夹（是设备或管道）\uFF1A请写出要导入的文件或文件夹' });
  }
  listed.files = [...new Set(listed.files)];
  return listed;
}
