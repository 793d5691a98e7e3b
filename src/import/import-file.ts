// One past issue, a text file or a Word document, → the content file it becomes:
// where it goes (content/<year>/<NN>.md), its text, and what the editor should check.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { isCalendarDate, yearOf } from '../format/chinese.ts';
import type { Site } from '../model/site.ts';
import { binaryKind, decodeText, type TextEncodingName } from '../stages/decode-text.ts';
import { issueFileName } from '../stages/resolve-issue.ts';
import type { Block } from './blocks.ts';
import { docxToBlocks } from './docx.ts';
import { recogniseIssue, type ImportedIssue } from './recognise.ts';
import { textToBlocks } from './text.ts';
import { importedIssueText } from './to-markdown.ts';

export interface Imported {
  ok: true;
  /** content/<year>/<NN>.md, relative to the project. */
  target: string;
  text: string;
  issue: ImportedIssue;
  /** Word documents are counted in paragraphs, text files in lines. */
  unit: '行' | '段';
  encoding?: TextEncodingName;
  images: number;
}

export type ImportResult = Imported | { ok: false; reason: string };

const fail = (reason: string): ImportResult => ({ ok: false, reason });

type Source = { blocks: Block[]; unit: '行' | '段'; encoding?: TextEncodingName; images: number } | { problem: string };

const SAVE_AS_DOCX = '请在 Word 中打开它，点“另存为”，保存类型选“Word 文档（*.docx）”，再导入新存的文件';

async function readSource(bytes: Buffer, extension: string): Promise<Source> {
  const kind = binaryKind(bytes);
  if (kind === 'docx') {
    try {
      const word = await docxToBlocks(bytes);
      return { blocks: word.blocks, unit: '段', images: word.images };
    } catch {
      return { problem: `这个 Word 文档已损坏，或不是 .docx 文件\uFF1A${SAVE_AS_DOCX}` };
    }
  }
  if (kind === 'doc') {
    const named = extension === '.docx' ? '扩展名是 .docx，内容却是' : '这是';
    return { problem: `${named}旧版 Word 格式（.doc），不能直接导入\uFF1A${SAVE_AS_DOCX}` };
  }
  if (kind === 'pdf') {
    return { problem: 'PDF 不能直接导入\uFF1A请在 PDF 阅读器中全选、复制文字，粘贴到记事本，以 UTF-8 编码另存为 .txt，再导入' };
  }
  if (extension === '.docx') {
    return { problem: `扩展名是 .docx，内容却不是 Word 文档，文件可能已损坏\uFF1A${SAVE_AS_DOCX}；如果它其实是文本，请把扩展名改为 .txt 再导入` };
  }
  if (kind === 'binary') return { problem: '这个文件不是文本，也不是 Word 文档（.docx）\uFF1A只能导入 .txt 等文本文件和 .docx 文件' };
  const decoded = decodeText(bytes);
  if (!decoded.ok) return { problem: '认不出文件的编码（不是 UTF-8，也不是 GBK）\uFF1A请用记事本打开，另存为 UTF-8 编码后再导入' };
  return { blocks: textToBlocks(decoded.text), unit: '行', encoding: decoded.encoding, images: 0 };
}

export async function importFile(file: string, site: Site): Promise<ImportResult> {
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return fail(code === 'EISDIR' ? '这是一个文件夹\uFF1A请写出要导入的文件名' : '找不到这个文件，或没有读取权限\uFF1A请检查文件名和路径');
  }
  const source = await readSource(bytes, path.extname(file).toLowerCase());
  if ('problem' in source) return fail(source.problem);
  if (source.blocks.length === 0) return fail('文件是空的，没有可导入的内容\uFF1A请检查是不是选错了文件');

  const issue = recogniseIssue(source.blocks, site, { rejoin: source.unit === '行' });
  const missing = [
    issue.issue ? '' : '期号（报头中的“第 9 期”）',
    issue.date ? '' : '出刊日期（报头中的“2019 年 4 月 29 日”）',
  ].filter(Boolean);
  if (missing.length > 0) {
    return fail(`报头中没有找到${missing.join('和')}，无法确定放到 content/ 的哪个文件\uFF1A请在原件开头补上这一行，再导入`);
  }
  if (!isCalendarDate(issue.date!)) {
    return fail(`报头中的出刊日期 ${issue.date} 不存在\uFF1A请核对原件中的日期，改正后再导入`);
  }
  const target = `content/${yearOf(issue.date!)}/${issueFileName(issue.issue!)}.md`;
  return { ok: true, target, text: importedIssueText(issue), issue, unit: source.unit, encoding: source.encoding, images: source.images };
}
