// What npm run import says about a file it read: the notes to check in the imported issue (what
// it guessed, what it left out), the reasons a file was not imported or was skipped, and where in
// the source a note is. Each note is "what happened：what to do", like a content check's message
// (catalogue.ts); the failures that have a rule of their own are entries of CONTENT there.

/** A few characters of a text's end or start, to find the place by. */
const tail = (text: string) => [...text].slice(-12).join('');
const head = (text: string) => [...text].slice(0, 12).join('');

/** The unit of a source's places: a line of a text file, a paragraph of a Word document, a page of a PDF. */
export const IMPORT_UNITS = { line: '行', paragraph: '段', page: '页' } as const;
export type ImportUnit = (typeof IMPORT_UNITS)[keyof typeof IMPORT_UNITS];

/** Notes on the issue as it was read (import/body.ts, end-matter.ts, masthead.ts, docx.ts, pdf/). */
export const IMPORT_NOTES = {
  /** body.ts: the first article had no title; the placeholder is written into the file. */
  untitledFirstArticle: '没有认出第一篇文章的标题，已在正文前加上“# 在这里写标题”\uFF1A请改成这篇文章的标题',
  /** body.ts: a page break between two paragraphs of a text read line by line; last and next are the texts either side. */
  joinedAcrossPages: (last: string, next: string) =>
    `上一页末“${tail(last)}”，下一页开头“${head(next)}”：上一页以句末标点结束，已把这两段接成一段\uFF1A请对照原件核对是不是同一段`,
  splitAcrossPages: (last: string, next: string) =>
    `上一页末“${tail(last)}”，下一页开头“${head(next)}”：上一页没有结束标点，这一行已另起一段\uFF1A请对照原件核对是不是同一段`,
  /** body.ts: a paragraph of a Word document that ends in mid-sentence, before the next one. */
  unfinishedParagraph: (last: string, next: string) =>
    `这一段末“${tail(last)}”没有结束标点，下一段开头“${head(next)}”另起一段，像是一句话被分成了两段\uFF1A请对照原件核对，是同一段就把两段接上`,
  /** body.ts: a short line without an end of sentence. */
  shortLine: (text: string) => `“${text}”没有结束标点，像是小标题，也可能是被分页断开的半句，已作为一段导入\uFF1A请对照原件核对`,
  /** end-matter.ts: the 版记. */
  otherApproval: (value: string, approval: string) =>
    `批准文号“${value}”与 site.yml 中的“${approval}”不同，每期不能单独设置，没有导入\uFF1A如网站的批准文号已变，请改 site.yml`,
  unknownEndMatter: (value: string) => `版记中的“${value}”认不出是什么，没有导入\uFF1A请核对`,
  unknownEndMatterLabel: (label: string, value: string) => `版记中的“${label}\uFF1A${value}”没有对应的设置项目，没有导入\uFF1A请核对`,
  /** masthead.ts */
  unknownMasthead: (text: string) => `报头中的“${text}”认不出是什么，没有导入\uFF1A请核对`,
  /** docx.ts: a table that cannot be rebuilt as it was, and why. */
  tableInCell: '表格的单元格里还套着表格',
  tableRowsUneven: '表格各行的格数不一致（合并的单元格对不齐）',
  tableAsRead: (problem: string) => `${problem}，已按读到的单元格导入为一个简单表格，格子可能错位\uFF1A请对照原件核对这个表格`,
  /** import-file.ts: pages of a PDF without text. */
  textlessPages: (pages: readonly number[]) => `第 ${pages.join('、')} 页没有文字，像是扫描的页面或空白页，这些页的内容没有导入\uFF1A请对照原件补上`,
  /** pdf/pdf.ts: a page read in two columns. */
  columnsBorrowed: '这一页分栏的行不多，已按其他页的两栏读出（先左栏，后右栏）\uFF1A请对照原件核对这一页的文字顺序和分段',
  columnTrailing: (text: string) => `这一页分两栏，左栏比右栏多出的“${text}”已接在左栏末尾、右栏之前\uFF1A请对照原件核对它是不是左栏的文字`,
  /** pdf/paragraphs.ts: at the end of a column (sameColumn: the next line is on the same page) or of a page. */
  joinedAcrossBreak: (sameColumn: boolean, previous: string, next: string) =>
    `${sameColumn ? '栏末' : '页末'}“${tail(previous)}”以句末标点结束，下一${sameColumn ? '栏' : '页'}开头“${head(next)}”没有缩进，已接成一段\uFF1A请对照原件核对是不是同一段`,
  splitAcrossBreak: (sameColumn: boolean, previous: string, next: string) =>
    `${sameColumn ? '栏末' : '页末'}“${tail(previous)}”没有结束标点，下一${sameColumn ? '栏' : '页'}开头“${head(next)}”已另起一段\uFF1A请对照原件核对是不是同一段`,
} as const;

/** What the masthead lacked: the missing of CONTENT.importNoMasthead. */
export const MASTHEAD_PARTS = { issue: '期号', date: '出刊日期' } as const;

/** Why a file was not imported, or was skipped (import/list-files.ts, import-task.ts, batch.ts). */
export const IMPORT_REASONS = {
  notFound: '找不到这个文件或文件夹，或没有读取权限\uFF1A请检查名字和路径',
  notRegular: '这不是普通的文件或文件夹（是设备或管道）\uFF1A请写出要导入的文件或文件夹',
  crashed: (error: string) => `读取这个文件时程序出错（${error}）：这是程序的问题，请把这个文件发给维护人员`,
  /** A reason, as recorded on the source file. */
  notImported: (reason: string) => `${reason}（没有导入）`,
  /** A file in a folder named for import, of another format (a photo, a spreadsheet). */
  notAFormat: (formats: readonly string[]) => `不是能导入的格式（能导入 ${formats.join('、')} 文件），这个文件没有读`,
  sameContent: (first: string) => `与 ${first} 内容完全相同`,
  sameIssue: (first: string, target: string) => `与 ${first} 是同一期（${target}），已按 ${first} 导入`,
  targetExists: (target: string) => `${target} 已经存在，没有覆盖；如要重新导入，请先把已有的文件改名或移走`,
  /** The file appeared while the others were read. */
  targetAppeared: (target: string) => `${target} 已经存在，没有覆盖`,
} as const;

/** A note of a Word document or PDF, at its paragraph or page: "第 3 页：…". */
export const atPlace = (line: number, unit: ImportUnit, message: string): string => `第 ${line} ${unit}\uFF1A${message}`;

/** The process's own failure, for the file it was reading (import/worker-pool.ts). */
export const workerExited = '读取这个文件时程序意外退出\uFF1A这是程序的问题，请把这个文件发给维护人员';

/** What an import did, in the terminal and in import-report.md (import/import-report.ts). */
export const IMPORT_REPORT = {
  /** "第9期，总第583期，2019年4月29日"; date as chineseDate writes it. */
  issue: (issue: number | undefined, total: number | undefined, date: string) => [`第${issue}期`, total ? `总第${total}期` : '总期号待补', date].join('，'),
  /** Places in the source, as runs: "第 3 行、第 5—7 行". */
  places: (runs: readonly [number, number][], unit: ImportUnit) => runs.map(([a, b]) => (a === b ? `第 ${a} ${unit}` : `第 ${a}—${b} ${unit}`)).join('、'),
  readAsGbk: '按 GBK（GB18030）编码读取，已存为 UTF-8。',
  readAsUtf16: '按 UTF-16 编码读取，已存为 UTF-8。',
  joined: (count: number, places: string) => `接上了 ${count} 处被分页断开的句子（${places}接到上一段）。`,
  dropped: (places: string) => `去掉了页码或页眉（${places}）。`,
  images: (count: number) => `原件中有 ${count} 张图片，没有导入。`,
  summary: (dryRun: boolean, total: number, imported: number, skipped: number, failed: number, review: number) => {
    const line = `共 ${total} 个文件：${dryRun ? `可导入 ${imported} 期` : `已导入 ${imported} 期`}，跳过 ${skipped} 个，没有导入 ${failed} 个；需要核对 ${review} 处。`;
    return dryRun ? `${line}\n试运行（--dry-run）：没有写入任何文件。` : line;
  },
  /** import-report.md */
  none: '（无）',
  tableHead: '| 原件 | 导入为 | 期号 | 总期号 | 日期 | 处理 |',
  noTotal: '待补',
  /** place: a file, or a file and line, as Markdown code. */
  item: (place: string, reason: string) => `- ${place}\uFF1A${reason}`,
  heading: (stamp: string) => `# 导入报告（${stamp}）`,
  importedHeading: (dryRun: boolean, count: number) => `## ${dryRun ? '可以导入' : '已导入'}（${count}）`,
  skippedHeading: (count: number) => `## 跳过（${count}）`,
  failedHeading: (count: number) => `## 没有导入（${count}）`,
  reviewHeading: (count: number) => `## 需要核对（${count}）`,
  reviewHint: '对照原件核对以下各处，改好后运行 npm run check。',
} as const;
