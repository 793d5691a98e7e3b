// One past issue, a text file, a Word or WPS document or a PDF, → the content file it becomes:
// where it goes (content/<year>/<NN>.md), its text, and what the editor should check.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { issueFileName } from '../content/resolve-issue.ts';
import type { Site } from '../model/site.ts';
import { isCalendarDate, yearOf } from '../text/chinese.ts';
import { binaryKind, decodeText, hasTextBom, type TextEncodingName } from '../text/decode-text.ts';
import type { Block } from './blocks.ts';
import { looksLikeContents } from './contents.ts';
import { documentXmlSize, docxToBlocks } from './docx.ts';
import { convertToDocx } from './office.ts';
import { pdfToBlocks } from './pdf/pdf.ts';
import { type ImportedIssue, recogniseIssue } from './recognise.ts';
import { textToBlocks } from './text.ts';
import type { Note } from './text-tools.ts';
import { importedIssueText } from './to-markdown.ts';

export interface Imported {
  ok: true;
  /** content/<year>/<NN>.md, relative to the project. */
  target: string;
  text: string;
  issue: ImportedIssue;
  /** Text files are counted in lines, Word documents in paragraphs, PDFs in pages. */
  unit: Unit;
  encoding?: TextEncodingName;
  images: number;
}

/** rule: the message's rule id, when it is not the importer's own (LibreOffice's, from the catalogue). */
export type ImportResult = Imported | { ok: false; reason: string; rule?: string };

type Unit = '行' | '段' | '页';

const fail = (reason: string, rule?: string): ImportResult => ({ ok: false, reason, rule });

interface Read {
  blocks: Block[];
  unit: Unit;
  encoding?: TextEncodingName;
  images: number;
  /** Lines or pages of furniture the reader left out already (a PDF's page numbers). */
  dropped?: number[];
  /** What the editor should check that the reader noticed (a PDF's pages without text). */
  notes?: Note[];
}

type Source = Read | { problem: string; rule?: string };

/** More text than this is no issue of a bulletin (an issue is some 10 to 50 KB); nothing is written. */
const MAX_TEXT = 20 * 1024 * 1024;

const OCR_ADVICE =
  '请用 WPS、Adobe Acrobat 等软件的“文字识别（OCR）”功能把它转成 Word 文档或带文字层的 PDF，对照原件核对识别出的文字后再导入；也可以对照原件把文字录入为 .txt 再导入';

const SAVE_AS_DOCX = '请在 Word 中打开它，点“另存为”，保存类型选“Word 文档（*.docx）”，再导入新存的文件';

/** Word's XML holds a few times as many bytes as the text in it. */
const MAX_DOCUMENT_XML = 10 * MAX_TEXT;

const tooLong = (megabytes: number) =>
  `文件中的文字有 ${megabytes} MB，远超一期刊物的篇幅（上限 ${MAX_TEXT / 1024 / 1024} MB）\uFF1A请检查是不是选错了文件，或把其中的各期分开保存后再导入`;

async function readWord(bytes: Buffer): Promise<Source> {
  const xml = documentXmlSize(bytes) ?? 0;
  if (xml > MAX_DOCUMENT_XML) return { problem: tooLong(Math.round(xml / 1024 / 1024)) };
  try {
    const word = await docxToBlocks(bytes);
    return { blocks: word.blocks, unit: '段', images: word.images };
  } catch {
    return { problem: `这个 Word 文档已损坏，或不是 .docx 文件\uFF1A${SAVE_AS_DOCX}` };
  }
}

async function readPdf(bytes: Buffer): Promise<Source> {
  const pdf = await pdfToBlocks(bytes);
  if (!pdf.ok) {
    switch (pdf.reason) {
      case 'scan':
        return { problem: `这个 PDF 没有文字层，是扫描的图片，需要先做文字识别（OCR）才能导入\uFF1A${OCR_ADVICE}` };
      case 'password':
        return { problem: '这个 PDF 设了打开密码\uFF1A请用 PDF 阅读器输入密码打开，另存（或打印为 PDF）一份不带密码的，再导入' };
      default:
        return { problem: '这个 PDF 已损坏，读不出内容\uFF1A请用 PDF 阅读器打开看看，能打开就“另存为”一份再导入' };
    }
  }
  const notes =
    pdf.textless.length > 0
      ? [{ line: pdf.textless[0]!, message: `第 ${pdf.textless.join('、')} 页没有文字，像是扫描的页面或空白页，这些页的内容没有导入\uFF1A请对照原件补上` }]
      : [];
  return { blocks: pdf.blocks, unit: '页', images: 0, dropped: pdf.dropped, notes };
}

async function readSource(file: string, bytes: Buffer, extension: string): Promise<Source> {
  const kind = hasTextBom(bytes) ? undefined : binaryKind(bytes);
  if (kind === 'docx') return readWord(bytes);
  if (kind === 'doc') {
    // Word 97–2003 and WPS documents are both of this kind: LibreOffice makes them .docx.
    const converted = await convertToDocx(file);
    return converted.ok ? readWord(converted.docx) : { problem: converted.reason, rule: converted.rule };
  }
  if (kind === 'pdf') return readPdf(bytes);
  if (extension === '.docx') {
    return { problem: `扩展名是 .docx，内容却不是 Word 文档，文件可能已损坏\uFF1A${SAVE_AS_DOCX}；如果它其实是文本，请把扩展名改为 .txt 再导入` };
  }
  if (extension === '.pdf') return { problem: '扩展名是 .pdf，内容却不是 PDF，文件可能已损坏或没有下载完整\uFF1A请重新取得这个文件' };
  if (kind === 'binary') return { problem: '这个文件不是文本，也不是 Word、WPS 文档或 PDF\uFF1A只能导入 .txt、.docx、.doc、.wps 和 .pdf 文件' };
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
  const source = await readSource(file, bytes, path.extname(file).toLowerCase());
  if ('problem' in source) return fail(source.problem, source.rule);
  if (source.blocks.length === 0) return fail('文件是空的，没有可导入的内容\uFF1A请检查是不是选错了文件');
  const size = source.blocks.reduce((n, b) => n + b.markdown.length, 0);
  if (size > MAX_TEXT) {
    return fail(tooLong(Math.round(size / 1024 / 1024)));
  }
  if (looksLikeContents(source.blocks)) {
    return fail('这个文件像是目录（大多数行以页码结尾），不是一期刊物\uFF1A目录不用导入；如果它确实是一期，请对照原件核对');
  }

  const issue = recogniseIssue(source.blocks, site, { rejoin: source.unit === '行' });
  issue.dropped = [...(source.dropped ?? []), ...issue.dropped];
  issue.warnings = [...(source.notes ?? []), ...issue.warnings].sort((a, b) => a.line - b.line);
  const missing = [issue.issue ? '' : '期号（报头中的“第 9 期”）', issue.date ? '' : '出刊日期（报头中的“2019 年 4 月 29 日”）'].filter(Boolean);
  if (missing.length > 0) {
    return fail(`报头中没有找到${missing.join('和')}，无法确定放到 content/ 的哪个文件\uFF1A请在原件开头补上这一行，再导入`);
  }
  if (!isCalendarDate(issue.date!)) {
    return fail(`报头中的出刊日期 ${issue.date} 不存在\uFF1A请核对原件中的日期，改正后再导入`);
  }
  const target = `content/${yearOf(issue.date!)}/${issueFileName(issue.issue!)}.md`;
  return { ok: true, target, text: importedIssueText(issue), issue, unit: source.unit, encoding: source.encoding, images: source.images };
}
