// Every message that is not about one place in the content: a template that fails, a program
// the build runs (Chromium, Pagefind, LibreOffice) that is missing, crashes or hangs, the machine
// refusing a write, a bug. Each entry is a rule id, a short title (docs/messages.md lists them), what
// happened and what likely caused it, and what to do, in Chinese: the shape of Astro's
// errors-data.ts. The exit code says to scripts which kind of failure it was (EXIT, exit-codes.ts).
import type { ExitName } from './exit-codes.ts';

export interface CatalogueEntry<P> {
  /** Shown as [bulletin:rule]; docs/messages.md lists every rule id. */
  rule: string;
  /** What the rule is about, in a line. */
  title: string;
  /** What happened, where, and what likely caused it. */
  message: (params: P) => string;
  /** What to do about it. */
  hint: string | ((params: P) => string);
  /** How the command ends: the name of an exit code. */
  exit: ExitName;
}

/** The source of every message the program records: shown as [bulletin:rule]. */
export const SOURCE = 'bulletin';

const entry = <P = void>(e: CatalogueEntry<P>): CatalogueEntry<P> => e;

/** An entry's hint for these values. */
export const hintOf = <P>(e: { hint: string | ((params: P) => string) }, params: P): string => (typeof e.hint === 'function' ? e.hint(params) : e.hint);

/** A check of the content: recorded on the file it is about, as "message：hint". */
export interface ContentEntry<P> {
  rule: string;
  title: string;
  /** error: nothing is published; warning: published, with the message; note: for npm run check only. */
  severity: 'error' | 'warning' | 'note';
  message: (params: P) => string;
  hint: string | ((params: P) => string);
}

export const check = <P = void>(e: ContentEntry<P>): ContentEntry<P> => e;

/** Entries of one rule: the rule gives its id, title and severity, each entry its message and hint. */
const entriesOf =
  (rule: Pick<ContentEntry<void>, 'rule' | 'title' | 'severity'>) =>
  <P = void>(e: Pick<ContentEntry<P>, 'message' | 'hint'>): ContentEntry<P> => ({ ...rule, ...e });

/** An entry with its values given, to record later. */
export const given = <P>(entry: ContentEntry<P>, params: P): ContentEntry<void> => ({
  ...entry,
  message: () => entry.message(params),
  hint: () => hintOf(entry, params),
});

/** A check's message as recorded: "message：hint". */
export const textOf = <P>(e: ContentEntry<P>, params: P): string => `${e.message(params)}\uFF1A${hintOf(e, params)}`;

/** Another issue's file, that a message names. */
type Other = { path: string };

const SAVE_AS_DOCX = '请在 Word 中打开它，点“另存为”，保存类型选“Word 文档（*.docx）”，再导入新存的文件';

/** A file npm run import did not import. */
const imported = entriesOf({ rule: 'import', title: 'npm run import：这个文件没有导入，或导入后有需要核对的地方', severity: 'error' });

/** The rule of every total-order entry. */
const TOTAL_ORDER = { rule: 'total-order', title: '总期号的先后与日期的先后不符', severity: 'error' } as const;

export const CONTENT = {
  // Where an issue's file stands.
  /** wanted: where it belongs by its own date and 期号, when they can be read. */
  issuePath: check<{ wanted?: string }>({
    rule: 'path-mismatch',
    title: '文件的位置或名字与年份、期号不符',
    severity: 'error',
    message: ({ wanted }) =>
      `期刊文件应放在 content/<年份>/<两位期号>.md，${wanted === undefined ? '例如 content/2019/09.md' : `按它开头设置中的日期和期号，应是 ${wanted}`}`,
    hint: '请改名或移动这个文件',
  }),
  dateOutsideYear: check<{ date: string; dateYear: number; pathYear: number }>({
    rule: 'path-mismatch',
    title: '文件的位置或名字与年份、期号不符',
    severity: 'error',
    message: ({ date, dateYear, pathYear }) => `日期 ${date} 在 ${dateYear} 年，文件却在 content/${pathYear}/ 下`,
    hint: ({ dateYear }) => `请改正日期，或把文件移到 content/${dateYear}/`,
  }),
  issueNotFileName: check<{ issue: number; name: string; expected: string }>({
    rule: 'path-mismatch',
    title: '文件的位置或名字与年份、期号不符',
    severity: 'error',
    message: ({ issue, name }) => `期号是 ${issue}，文件名却是 ${name}.md`,
    hint: ({ expected }) => `请改正期号，或把文件改名为 ${expected}.md`,
  }),

  // The input limits (limits.ts): past them, a file would make the Markdown parser hang.
  tooDeep: check<{ what: string; limit: number }>({
    rule: 'too-deep',
    title: '列表、引用、强调、链接或 HTML 标签嵌套太深',
    severity: 'error',
    message: ({ what, limit }) => `这里${what}嵌套超过 ${limit} 层，远多于任何稿件所需，生成网页会卡住`,
    hint: '请检查这一段是不是粘贴错了，把嵌套减到几层',
  }),
  tooManyContainers: check<{ limit: number }>({
    rule: 'too-large',
    title: '文件或其中一段超过输入限制（大小、行数、列表项、标记）',
    severity: 'error',
    message: ({ limit }) => `这一期行首的列表、引用和注释标记（>、-、*、1.、[^1]: 等）到这一行已超过 ${limit} 个，远多于任何稿件所需，生成网页会卡住`,
    hint: '请检查是不是粘贴错了，或把内容拆成几期',
  }),
  tooManyMarks: check<{ limit: number }>({
    rule: 'too-large',
    title: '文件或其中一段超过输入限制（大小、行数、列表项、标记）',
    severity: 'error',
    message: ({ limit }) => `这一段的加粗、斜体、删除线、代码和链接标记（*、_、~、\`、[ ]）到这里已超过 ${limit} 个，远多于任何一段所需，生成网页会卡住`,
    hint: '请检查这一段是不是粘贴错了，或把它分成几段',
  }),

  // The file's parts.
  emptyFile: check({
    rule: 'empty-file',
    title: '文件是空的',
    severity: 'error',
    message: () => '文件是空的',
    hint: '请写上文件开头的设置（--- 之间的期号、总期号、日期、送）和正文',
  }),
  frontMatterUnclosed: check({
    rule: 'front-matter-missing',
    title: '没有开头的设置块（两行 --- 之间），或它没有结束',
    severity: 'error',
    message: () => '文件开头的设置块没有结束',
    hint: '请在 distribution 等项目之后另起一行写 ---，再写正文',
  }),
  frontMatterMissing: check({
    rule: 'front-matter-missing',
    title: '没有开头的设置块（两行 --- 之间），或它没有结束',
    severity: 'error',
    message: () => '文件开头缺少设置块',
    hint: '第一行应是 ---，接着写 issue、total、date、distribution 等项目，再以 --- 结束',
  }),
  typingSlip: check<{ line: string; reasons: string[] }>({
    rule: 'typing-slip',
    title: '中文输入法造成的笔误（全角冒号或空格、中文项目名、冒号后没有空格）',
    severity: 'error',
    message: ({ line }) => `这一行应写作“${line}”`,
    hint: ({ reasons }) => reasons.join('\uFF1B'),
  }),
  yamlAliases: check<{ limit: number }>({
    rule: 'yaml-aliases',
    title: '设置块用了 YAML 别名（没有锚点，或展开太多）',
    severity: 'error',
    message: ({ limit }) => `这里用了 YAML 的别名（*名称），它没有对应的锚点（&名称），或展开后超过 ${limit} 项`,
    hint: '设置中用不到别名，请把值直接写出来',
  }),
  emptyBody: check({
    rule: 'empty-body',
    title: '正文是空的',
    severity: 'error',
    message: () => '正文是空的',
    hint: '请在设置块（第二个 ---）之后写文章，以 "# 标题" 开头',
  }),
  controlCharacter: check<{ what: string; todo: string }>({
    rule: 'control-character',
    title: '有 XML 不允许的看不见的字符，生成时已删去（警告）',
    severity: 'warning',
    message: ({ what }) => `这里有${what}，订阅源 feed.xml 等 XML 文件不允许它，生成时已删去`,
    hint: ({ todo }) => todo,
  }),

  // Articles.
  noArticleTitle: check({
    rule: 'no-article-title',
    title: '正文没有以文章标题开头',
    severity: 'error',
    message: () => '正文应以文章标题开头',
    hint: '请在第一篇文章前加一行 "# 标题"',
  }),
  sampleText: check<{ text: string }>({
    rule: 'sample-text',
    title: '要改写的示例文字（“在这里写……”）还在，这一期却已不是草稿',
    severity: 'error',
    message: ({ text }) => `“${text}”是要改写的示例文字，这一期没有 draft: true，会发布出去`,
    hint: '请改写或删去这一行；还没写完时，在设置中加回一行 draft: true',
  }),
  settingsInBody: check({
    rule: 'settings-in-body',
    title: '正文里有像设置块的几行（一个文件只写一期）',
    severity: 'error',
    message: () => '这几行像是一期的设置块（issue、total、date……），却在正文里，会原样印在网页上',
    hint: '一个文件只写一期：另一期请放到它自己的文件里（如 content/2019/11.md），多余的请删去',
  }),
  titleSlip: check<{ line: string; fullWidth: boolean }>({
    rule: 'title-slip',
    title: '文章标题的 # 写得不对（# 后没有空格，或用了全角 ＃）',
    severity: 'error',
    message: ({ line }) => `这一行像是文章标题，应写作“${line}”`,
    hint: ({ fullWidth }) =>
      fullWidth ? '标题前的 # 要在英文输入法下输入（半角），后面留一个空格' : '标题前的 # 后面要留一个空格，否则这一行只是上一篇文章里的一段',
  }),
  emptyArticle: check<{ title: string }>({
    rule: 'empty-article',
    title: '文章只有标题，没有正文',
    severity: 'error',
    message: ({ title }) => `文章“${title}”没有正文`,
    hint: '请在标题下写内容，或删去这个标题',
  }),
  articleDate: check<{ date: string }>({
    rule: 'invalid-date',
    title: '日期不存在或格式不对',
    severity: 'error',
    message: ({ date }) => `文章日期 ${date} 不存在`,
    hint: '请核对年月日',
  }),
  articleDateOff: check<{ date: string; issueDate: string; later: boolean }>({
    rule: 'article-date',
    title: '文章日期晚于本期出刊日期，或早了一年以上（警告）',
    severity: 'warning',
    message: ({ date, issueDate, later }) => `文章日期 ${date} ${later ? '晚于' : '比'}本期出刊日期 ${issueDate}${later ? '' : ' 早了一年以上'}`,
    hint: '请核对文章日期（年份和月份）和设置中的 date',
  }),
  noColumn: check<{ fallback: string; columns: string[] }>({
    rule: 'unknown-column',
    title: '栏目没写，或不在 site.yml 的栏目表中（警告）',
    severity: 'warning',
    message: ({ fallback }) => `标题前的【】中没有写栏目，已归入默认栏目${fallback}`,
    hint: ({ columns }) => `请写上栏目名（${columns.join('、')}），或删去【】`,
  }),
  unknownColumn: check<{ column: string; guess?: string; columns: string[] }>({
    rule: 'unknown-column',
    title: '栏目没写，或不在 site.yml 的栏目表中（警告）',
    severity: 'warning',
    message: ({ column }) => `栏目【${column}】不在 site.yml 的栏目表中`,
    hint: ({ guess, columns }) => (guess ? `是不是要写【${guess}】？` : `可用的栏目有 ${columns.join('、')}（在 site.yml 的 columns 中增减）`),
  }),
  imageAlt: check<{ src?: string }>({
    rule: 'image-alt',
    title: '图片没有说明文字（警告）',
    severity: 'warning',
    message: ({ src }) => `图片${src ? ` ${src} ` : ''}没有说明文字`,
    hint: '读屏软件的读者不知道图上是什么。请写明图片内容，如 ![代表在联络站接待群众](图片.jpg) 或 <img src="图片.jpg" alt="代表在联络站接待群众">',
  }),
  externalResource: check<{ address: string; read?: string }>({
    rule: 'external-resource',
    title: '图片等内容的地址指向其他网站，已从页面中删去（警告）',
    severity: 'warning',
    message: ({ address, read }) =>
      `图片等内容的地址 ${address}${read ? `（浏览器会把它读作 ${read}）` : ''} 指向其他网站，读者打开本期时会连到外网，内网也打不开`,
    hint: '已从页面中删去。请把图片存到本站，用站内地址',
  }),
  linkNotAddress: check<{ address: string }>({
    rule: 'external-link',
    title: '链接地址写法有误（不是网址，或会被读作其他网站），已从页面中删去（警告）',
    severity: 'warning',
    message: ({ address }) => `链接地址 ${address} 不是网址或邮件地址`,
    hint: '已从页面中删去。请写 https:// 开头的完整网址，或本站的相对地址',
  }),
  linkElsewhere: check<{ address: string; read: string }>({
    rule: 'external-link',
    title: '链接地址写法有误（不是网址，或会被读作其他网站），已从页面中删去（警告）',
    severity: 'warning',
    message: ({ address, read }) => `链接地址 ${address} 看起来是本站的地址，浏览器却会把它读作其他网站的 ${read}`,
    hint: '已从页面中删去。请写本站的相对地址，或写完整的 https:// 网址',
  }),
  missingResource: check<{ kind: 'image' | 'file' | 'page'; address: string; wanted: string; page: string }>({
    rule: 'missing-resource',
    title: '图片、附件或页面的地址在网站里找不到（警告）',
    severity: 'warning',
    message: ({ kind, address }) => `找不到${{ image: '图片', file: '文件', page: '页面' }[kind]} ${address}`,
    hint: ({ kind, wanted, page }) => {
      if (kind === 'page') return `网站里没有页面 ${wanted}（那一期没有发布，或地址写错了），请改正地址`;
      const folder = wanted.slice(0, wanted.lastIndexOf('/') + 1);
      const beside = folder === page ? `（与页面 ${page || '首页'} 对应）` : '';
      return `请把它放到 content/${wanted}${beside}，或改正文件名`;
    },
  }),
  resourceNotPublished: check<{ why: string }>({
    rule: 'resource-not-published',
    title: 'content/ 里的图片或附件不能发布（过大、是链接或不是普通文件）（警告）',
    severity: 'warning',
    message: ({ why }) => `这个文件没有发布：${why}`,
    hint: '请把文件本身（不是链接或快捷方式）放到 content/ 里，图片请先缩小，页面上引用它的地址才能打开',
  }),

  // npm run import: a file not imported (import/import-file.ts), said with "（没有导入）".
  importFolder: imported({
    message: () => '这是一个文件夹',
    hint: '请写出要导入的文件名',
  }),
  importUnreadable: imported({
    message: () => '找不到这个文件，或没有读取权限',
    hint: '请检查文件名和路径',
  }),
  importEmpty: imported({
    message: () => '文件是空的，没有可导入的内容',
    hint: '请检查是不是选错了文件',
  }),
  importTooLong: imported<{ megabytes: number; limit: number }>({
    message: ({ megabytes, limit }) => `文件中的文字有 ${megabytes} MB，远超一期刊物的篇幅（上限 ${limit} MB）`,
    hint: '请检查是不是选错了文件，或把其中的各期分开保存后再导入',
  }),
  importContents: imported({
    message: () => '这个文件像是目录（大多数行以页码结尾），不是一期刊物',
    hint: '目录不用导入；如果它确实是一期，请对照原件核对',
  }),
  importNoMasthead: imported<{ missing: string[]; read: string[] }>({
    message: ({ missing, read }) => `报头中没有找到${missing.join('和')}，无法确定放到 content/ 的哪个文件（原件开头几行：${mastheadQuoted(read)}）`,
    hint: ({ missing }) => `请在原件开头的报头里补上${missing.map((part) => `${part}（如${MASTHEAD_EXAMPLES[part] ?? ''}）`).join('和')}，再导入`,
  }),
  importBadDate: imported<{ date: string }>({
    message: ({ date }) => `报头中的出刊日期 ${date} 不存在`,
    hint: '请核对原件中的日期，改正后再导入',
  }),
  importDamagedWord: imported({
    message: () => '这个 Word 文档已损坏，或不是 .docx 文件',
    hint: SAVE_AS_DOCX,
  }),
  importNotWord: imported({
    message: () => '扩展名是 .docx，内容却不是 Word 文档，文件可能已损坏',
    hint: `${SAVE_AS_DOCX}；如果它其实是文本，请把扩展名改为 .txt 再导入`,
  }),
  importScan: imported({
    message: () => '这个 PDF 没有文字层，是扫描的图片，需要先做文字识别（OCR）才能导入',
    hint: '请用 WPS、Adobe Acrobat 等软件的“文字识别（OCR）”功能把它转成 Word 文档或带文字层的 PDF，对照原件核对识别出的文字后再导入；也可以对照原件把文字录入为 .txt 再导入',
  }),
  // Issue 22: PDF layouts that are refused rather than read out of order.
  importPdfColumns: imported<{ pages: number[] }>({
    message: ({ pages }) => `这个 PDF 第 ${pages.join('、')} 页分三栏或更多栏排版，导入程序只能按栏读出一栏或两栏的文字，没有导入（否则各栏的行会交错在一起）`,
    hint: '请用原来的 Word 或 WPS 文档导入；没有原文档时，可以用 WPS 或 Adobe Acrobat 把 PDF 转成 Word 文档，对照原件核对后再导入',
  }),
  importPdfRotated: imported<{ pages: number[] }>({
    message: ({ pages }) => `这个 PDF 第 ${pages.join('、')} 页有旋转或竖排的文字，导入程序读不出它们的顺序，没有导入`,
    hint: '请用原来的 Word 或 WPS 文档导入；没有原文档时，可以把 PDF 转成 Word 文档，对照原件核对后再导入',
  }),
  importPassword: imported({
    message: () => '这个 PDF 设了打开密码',
    hint: '请用 PDF 阅读器输入密码打开，另存（或打印为 PDF）一份不带密码的，再导入',
  }),
  importDamagedPdf: imported({
    message: () => '这个 PDF 已损坏，读不出内容',
    hint: '请用 PDF 阅读器打开看看，能打开就“另存为”一份再导入',
  }),
  importNotPdf: imported({
    message: () => '扩展名是 .pdf，内容却不是 PDF，文件可能已损坏或没有下载完整',
    hint: '请重新取得这个文件',
  }),
  importUnknownKind: imported({
    message: () => '这个文件不是文本，也不是 Word、WPS 文档或 PDF',
    hint: '只能导入 .txt、.docx、.doc、.wps 和 .pdf 文件',
  }),
  importUnknownEncoding: imported({
    message: () => '认不出文件的编码（不是 UTF-8，也不是 GBK）',
    hint: '请用记事本打开，另存为 UTF-8 编码后再导入',
  }),

  // The archive.
  duplicateIssue: check<Other & { year: number; issue: number }>({
    rule: 'duplicate-issue',
    title: '同一年有两期期号相同',
    severity: 'error',
    message: ({ year, issue, path }) => `${year}年第${issue}期已由 ${path} 使用`,
    hint: '同一年的期号不能重复',
  }),
  duplicateTotal: check<Other & { total: number; issue: number; date: string; free: number }>({
    rule: 'duplicate-total',
    title: '两期的总期号相同',
    severity: 'error',
    message: ({ total, path, issue, date }) => `总期号 ${total} 已由 ${path} 使用（第${issue}期，${date}）`,
    hint: ({ free }) => `总期号不能重复，请核对；下一个未用的总期号是 ${free}`,
  }),
  // total-order: the archive's dates and 总期号 disagree. When one issue's date (or 总期号) alone is
  // out of place, that field of that issue is blamed (content/total-order.ts); otherwise both issues are named.
  dateBeforeSmaller: check<Other & { date: string; otherDate: string; otherTotal: number }>({
    ...TOTAL_ORDER,
    message: ({ date, path, otherDate, otherTotal }) => `日期 ${date} 早于总期号更小的 ${path}（${otherDate}，总期号 ${otherTotal}）`,
    hint: '请核对这一期的日期',
  }),
  dateAfterLarger: check<Other & { date: string; otherDate: string; otherTotal: number }>({
    ...TOTAL_ORDER,
    message: ({ date, path, otherDate, otherTotal }) => `日期 ${date} 晚于总期号更大的 ${path}（${otherDate}，总期号 ${otherTotal}）`,
    hint: '请核对这一期的日期',
  }),
  totalBelowEarlier: check<Other & { total: number; otherDate: string; otherTotal: number }>({
    ...TOTAL_ORDER,
    message: ({ total, path, otherDate, otherTotal }) => `总期号 ${total} 比日期更早的 ${path}（${otherDate}，总期号 ${otherTotal}）还小`,
    hint: '请核对这一期的总期号',
  }),
  totalAboveLater: check<Other & { total: number; otherDate: string; otherTotal: number }>({
    ...TOTAL_ORDER,
    message: ({ total, path, otherDate, otherTotal }) => `总期号 ${total} 比日期更晚的 ${path}（${otherDate}，总期号 ${otherTotal}）还大`,
    hint: '请核对这一期的总期号',
  }),
  totalOrder: check<Other & { total: number; ownDate: string; date: string; previousTotal: number }>({
    ...TOTAL_ORDER,
    message: ({ total, ownDate, path, date, previousTotal }) => `总期号 ${total}（${ownDate}）比日期更早的 ${path}（${date}，总期号 ${previousTotal}）还小`,
    hint: '总期号应随日期递增；看不出是哪一期的哪一项写错了，请核对这两期的总期号和日期',
  }),
  futureDate: check<{ date: string; today: string }>({
    rule: 'future-date',
    title: '日期在今天之后（警告，照常发布）',
    severity: 'warning',
    message: ({ date, today }) => `日期 ${date} 在今天（${today}）之后`,
    hint: '这一期照常发布。如果日期写错了，请改正',
  }),
  archiveGap: check<{ gap: string }>({
    rule: 'archive-gap',
    title: '往期中缺了几期（提示，只在 npm run check 中列出）',
    severity: 'note',
    message: ({ gap }) => gap,
    hint: '如有这几期的原件，可用 npm run import 导入；没有的，年份页上会注明缺期',
  }),
} as const;

const INSTALL_CHROMIUM = 'sudo apt-get install chromium fonts-noto-cjk fonts-arphic-ukai';
const WITHOUT_PDF = '网站本身不需要浏览器：不带 --pdf 运行 npm run build 照常生成网站，只是没有 PDF 的各期不显示“下载 PDF”。';
const REINSTALL_PAGEFIND = '请在项目目录运行 npm ci 重新安装（Pagefind 随 npm 包一起安装）';

/** An issue or a part of the index a tool was working on, as the message names it: "2019年第9期". */
type Work = { work: string };
type TimedWork = Work & { seconds: number };
/** A file's path before what happened to it, when there is one. */
const at = (path: string) => (path ? `${path}\uFF1A` : '');

export const CATALOGUE = {
  // Templates: reported at the template's own file and line, as content errors are.
  templateSyntax: entry<{ what: string }>({
    rule: 'template-syntax',
    title: '模板的写法有误',
    message: ({ what }) => `模板的写法有误：${what}`,
    hint: '请对照这一行检查 {% %} 和 {{ }} 是否成对、标签名是否拼对',
    exit: 'contentErrors',
  }),
  templateFilter: entry<{ name: string; page: string }>({
    rule: 'template-filter',
    title: '模板用了不存在的过滤器',
    message: ({ name, page }) => `模板用了不存在的过滤器 ${name}（生成${page}时）`,
    hint: '请检查拼写。本网站的过滤器有 chineseDate、chineseNumber、padName、wordBreaks，其余是 Nunjucks 自带的（如 safe、length、join）',
    exit: 'contentErrors',
  }),
  templateCall: entry<{ name: string; page: string }>({
    rule: 'template-call',
    title: '模板调用了不存在的函数或宏',
    message: ({ name, page }) => `模板调用了 ${name}，但它没有值（生成${page}时）`,
    hint: '请检查名称的拼写，宏是否已用 import 引入，以及这个值在这种页面上是否存在（例如 issue 只在每期的页面上有）',
    exit: 'contentErrors',
  }),
  templateMissing: entry<{ name: string; page: string }>({
    rule: 'template-missing',
    title: '模板引用的文件不存在',
    message: ({ name, page }) => `模板引用的文件 ${name} 不存在（生成${page}时）`,
    hint: '请检查 include、import 或 extends 中的文件名，路径从 templates/ 算起，例如 "partials/masthead.njk"',
    exit: 'contentErrors',
  }),
  templateFilterFailed: entry<{ name: string; page: string }>({
    rule: 'template-filter-failed',
    title: '模板的过滤器出错',
    message: ({ name, page }) => `模板的过滤器 ${name} 出错（生成${page}时）：多半是交给它的值不存在、为空或不是它要的类型`,
    hint: '请检查这一行交给过滤器的值在这个页面上是否存在，必要时用 {% if %} 先判断',
    exit: 'contentErrors',
  }),
  templateRuntime: entry<{ page: string }>({
    rule: 'template-runtime',
    title: '模板运行时出错',
    message: ({ page }) => `模板运行时出错（生成${page}时）：多半是对一个不存在或为空的值做了运算，或把它交给了过滤器`,
    hint: '请检查这一行用到的值在这个页面上是否存在，必要时用 {% if %} 先判断',
    exit: 'contentErrors',
  }),

  // Chromium, for the PDFs.
  chromiumMissing: entry<{ path: string }>({
    rule: 'pdf-browser-missing',
    title: '找不到 Chromium 浏览器，无法生成 PDF',
    message: ({ path }) => `找不到 Chromium 浏览器（${path}），无法生成 PDF`,
    hint: `请先安装浏览器和中文字体：${INSTALL_CHROMIUM}\n浏览器装在别处时，用环境变量 CHROMIUM_PATH 指明，例如 CHROMIUM_PATH=/opt/chromium/chrome npm run pdf\n${WITHOUT_PDF}`,
    exit: 'unavailable',
  }),
  chineseFontsMissing: entry({
    rule: 'pdf-fonts-missing',
    title: '找不到中文字体，PDF 中的汉字会显示为方框',
    message: () => '找不到中文字体，生成的 PDF 中汉字会显示为方框',
    hint: `请先安装中文字体：${INSTALL_CHROMIUM}`,
    exit: 'unavailable',
  }),
  chromiumWontStart: entry<{ path: string }>({
    rule: 'pdf-browser-start',
    title: 'Chromium 浏览器无法启动',
    message: ({ path }) => `Chromium 浏览器（${path}）无法启动：它可能没有装好，或不是 Chromium`,
    hint: `请重新安装：${INSTALL_CHROMIUM}\n${WITHOUT_PDF}`,
    exit: 'unavailable',
  }),
  chromiumStartTimeout: entry<{ path: string; seconds: number }>({
    rule: 'pdf-browser-start-timeout',
    title: 'Chromium 浏览器启动太久',
    message: ({ path, seconds }) => `Chromium 浏览器（${path}）超过 ${seconds} 秒没有启动完成：电脑可能太忙，或浏览器卡住了`,
    hint: `请关掉一些程序后再运行 npm run pdf；仍然不行就重新安装：${INSTALL_CHROMIUM}\n${WITHOUT_PDF}`,
    exit: 'toolFailed',
  }),
  chromiumCrashed: entry<Work>({
    rule: 'pdf-crashed',
    title: '印制 PDF 时浏览器意外退出',
    message: ({ work }) => `印制${work}的 PDF 时，Chromium 浏览器意外退出：多半是内存不足，或浏览器被系统或别的程序结束了`,
    hint: `请关掉一些程序、腾出内存后再运行 npm run pdf：已印好的 PDF 保留着，只会重印没有印完的几期。\n${WITHOUT_PDF}`,
    exit: 'toolFailed',
  }),
  chromiumTimeout: entry<TimedWork>({
    rule: 'pdf-timeout',
    title: '印制一期 PDF 太久',
    message: ({ work, seconds }) => `印制${work}的 PDF 超过 ${seconds} 秒没有完成：页面一直没有加载完（多半是在等字体，或页面的脚本卡住了）`,
    hint: `请检查 templates/ 中的样式和脚本（print.css、print.js）最近的改动，再运行 npm run pdf；电脑太忙时关掉一些程序再试。\n${WITHOUT_PDF}`,
    exit: 'toolFailed',
  }),
  chromiumFailed: entry<Work>({
    rule: 'pdf-failed',
    title: '印制 PDF 时浏览器出错',
    message: ({ work }) => `印制${work}的 PDF 时，Chromium 浏览器出错`,
    hint: `请再运行一次 npm run pdf；仍然出错时，把这条信息发给维护人员。\n${WITHOUT_PDF}`,
    exit: 'toolFailed',
  }),

  // Pagefind, for the search index.
  pagefindMissing: entry<{ path: string; why: string }>({
    rule: 'search-missing',
    title: '找不到 Pagefind 程序，无法建立搜索索引',
    message: ({ path, why }) => `Pagefind 程序 ${path} ${why}，无法建立搜索索引`,
    hint: `${REINSTALL_PAGEFIND}；用环境变量 PAGEFIND_BINARY_PATH 指定别处的 Pagefind 时，请检查这个路径`,
    exit: 'unavailable',
  }),
  pagefindBroken: entry<{ path: string }>({
    rule: 'search-broken',
    title: 'Pagefind 程序不能正常运行',
    message: ({ path }) => `Pagefind 程序（${path}）不能正常运行：问它的版本号，它没有正常回答，可能已损坏或不是 Pagefind`,
    hint: REINSTALL_PAGEFIND,
    exit: 'unavailable',
  }),
  pagefindCrashed: entry<Work>({
    rule: 'search-crashed',
    title: '建立搜索索引时 Pagefind 意外退出',
    message: ({ work }) => `为${work}建立搜索索引时，Pagefind 意外退出，或回答了看不懂的内容：多半是内存不足，或它被系统结束了`,
    hint: `请关掉一些程序、腾出内存后再运行一次：已建好的索引部分保留着，只会重建没有建好的部分。仍然不行时，${REINSTALL_PAGEFIND}`,
    exit: 'toolFailed',
  }),
  pagefindTimeout: entry<TimedWork>({
    rule: 'search-timeout',
    title: 'Pagefind 建立搜索索引太久，或没有回答就退出了',
    message: ({ work, seconds }) =>
      `为${work}建立搜索索引时，Pagefind 超过 ${seconds} 秒没有回答：它可能意外退出了（多半是内存不足，或被系统结束），也可能卡住了`,
    hint: `请关掉一些程序、腾出内存后再运行一次：已建好的索引部分保留着，只会重建没有建好的部分。仍然不行时，${REINSTALL_PAGEFIND}`,
    exit: 'toolFailed',
  }),
  pagefindFailed: entry<Work>({
    rule: 'search-failed',
    title: 'Pagefind 报告了错误',
    message: ({ work }) => `为${work}建立搜索索引时，Pagefind 报告了错误`,
    hint: '请再运行一次；仍然出错时，把这条信息发给维护人员',
    exit: 'toolFailed',
  }),

  // LibreOffice, for old Word (.doc) and WPS files in npm run import: each file that fails is
  // reported on its own, and the others are imported.
  officeMissing: entry<{ path: string }>({
    rule: 'import-office-missing',
    title: '导入 .doc 和 .wps 需要 LibreOffice',
    message: ({ path }) => `导入 .doc 和 .wps 文件需要 LibreOffice，这台电脑上没有找到（${path}）`,
    hint: '请安装：sudo apt-get install libreoffice-writer-nogui，或在 Word/WPS 中把它另存为 .docx 再导入',
    exit: 'contentErrors',
  }),
  officeTimeout: entry<{ seconds: number }>({
    rule: 'import-office-timeout',
    title: 'LibreOffice 转换一个文件太久',
    message: ({ seconds }) => `LibreOffice 转换这个文件超过 ${seconds} 秒没有完成，文件可能已损坏`,
    hint: '请在 Word/WPS 中打开它，另存为 .docx 再导入',
    exit: 'contentErrors',
  }),
  officeFailed: entry({
    rule: 'import-office-failed',
    title: 'LibreOffice 打不开这个文件',
    message: () => 'LibreOffice 没能打开这个文件，它可能已损坏，或不是 Word/WPS 文档',
    hint: '请在 Word/WPS 中打开它，另存为 .docx 再导入',
    exit: 'contentErrors',
  }),

  // The machine: a file the build reads or writes (Node's error codes).
  diskBusy: entry<{ path: string }>({
    rule: 'disk-busy',
    title: '文件或目录正被占用',
    message: ({ path }) => `${at(path)}输出目录正被占用（也许是挂载点，或被别的程序打开）`,
    hint: '请关掉占用它的程序，或换一个输出目录',
    exit: 'unavailable',
  }),
  diskFull: entry<{ path: string }>({
    rule: 'disk-full',
    title: '磁盘空间不足',
    message: ({ path }) => `${at(path)}磁盘空间不足`,
    hint: '请清理磁盘（可以先运行 npm run clean 删去缓存）后再试',
    exit: 'unavailable',
  }),
  noAccess: entry<{ path: string }>({
    rule: 'disk-access',
    title: '没有权限读写文件',
    message: ({ path }) => `${at(path)}没有权限读写这个文件或目录`,
    hint: '请检查文件权限，或换一个有权限的目录',
    exit: 'unavailable',
  }),
  notPermitted: entry<{ path: string }>({
    rule: 'disk-permission',
    title: '操作系统不允许这样读写',
    message: ({ path }) => `${at(path)}操作系统不允许这样读写`,
    hint: '请检查文件权限，或关掉正在使用这些文件的程序后再试',
    exit: 'unavailable',
  }),
  readOnly: entry<{ path: string }>({
    rule: 'disk-read-only',
    title: '目录是只读的',
    message: ({ path }) => `${at(path)}这个目录是只读的`,
    hint: '请换一个可以写入的目录',
    exit: 'unavailable',
  }),
  tooManyFiles: entry<{ path: string }>({
    rule: 'disk-too-many-files',
    title: '同时打开的文件太多',
    message: ({ path }) => `${at(path)}同时打开的文件太多`,
    hint: '请关掉一些程序后再试',
    exit: 'unavailable',
  }),

  // A picture or attachment of content/ found by the build, gone before its bytes were read (content/published-files.ts).
  publishedFileGone: entry<{ file: string }>({
    rule: 'published-file-gone',
    title: '要发布的图片或附件在生成过程中不见了',
    message: ({ file }) => `${file} 在生成网站的过程中被删除、移走或换成了链接，没法发布`,
    hint: '网站保持原样。请确认文件还在原处（如果是有意删除的，也请删去稿件里引用它的地方），再生成一次',
    exit: 'toolFailed',
  }),

  // The command line: a command that needs a project, run in a folder that is not one (commands/project-folder.ts).
  notAProject: entry<{ path: string; project?: string; go?: string }>({
    rule: 'not-a-project',
    title: '当前文件夹不是刊物项目（没有 content/ 文件夹）',
    message: ({ path }) => `当前文件夹 ${path} 不是刊物项目（没有 content/ 文件夹）`,
    hint: ({ project, go }) =>
      project ? `它在刊物项目 ${project} 里面：请到那个文件夹里运行，例如 cd ${go}` : '请到包含 content/ 和 templates/ 的文件夹里运行，例如 cd 联络动态',
    exit: 'usage',
  }),

  templatesMissing: entry<{ folder: string }>({
    rule: 'templates-missing',
    title: '项目里没有网页模板（templates/ 文件夹）',
    message: ({ folder }) => `项目里没有 ${folder}/ 文件夹：网页是按其中的模板生成的，没有它就生成不了网站`,
    hint: ({ folder }) => `请把本程序自带的 templates/ 文件夹复制到项目里，与 content/ 并列（命名为 ${folder}），再运行一次`,
    exit: 'usage',
  }),

  bug: entry({
    rule: 'bug',
    title: '程序的问题',
    message: () => '出现意外错误：这是程序的问题，不是稿件的问题',
    hint: '请把下面的信息发给维护人员',
    exit: 'bug',
  }),
} as const;

/** Node's error codes for the machine refusing a file, and what they mean. */
export const MACHINE_PROBLEMS: Record<string, CatalogueEntry<{ path: string }>> = {
  EBUSY: CATALOGUE.diskBusy,
  ENOSPC: CATALOGUE.diskFull,
  EACCES: CATALOGUE.noAccess,
  EPERM: CATALOGUE.notPermitted,
  EROFS: CATALOGUE.readOnly,
  EMFILE: CATALOGUE.tooManyFiles,
};

/** The first lines read as the masthead, each cut short: a file without one has paragraphs there. */
function mastheadQuoted(read: readonly string[]): string {
  const cut = (line: string) => ([...line].length > 20 ? `${[...line].slice(0, 20).join('')}……` : line);
  const quoted = read.slice(0, 4).map((line) => `“${cut(line)}”`);
  return `${quoted.join('、') || '（无）'}${read.length > 4 ? ` 等 ${read.length} 行` : ''}`;
}

/** What each part of a masthead (MASTHEAD_PARTS) looks like. */
const MASTHEAD_EXAMPLES: Record<string, string> = { 期号: '“第9期”', 出刊日期: '“2019年4月29日”' };

/** Files put into the output folder while the build ran: the old site was kept aside with them (pipeline/disk-writer.ts swapIn). */
export const SET_ASIDE = check<{ folder: string; dir: string; named: string[]; count: number }>({
  rule: 'output-folder-set-aside',
  title: '生成期间有人往输出目录里放了文件，旧网站连同它们另存在旁边（警告）',
  severity: 'warning',
  message: ({ folder, named, count }) =>
    count > 0
      ? `生成期间 ${folder} 里多了不是本程序生成的文件：${named.join('、')}${count > named.length ? ` 等 ${count} 个` : ''}`
      : `生成期间 ${folder} 里的文件被改动过，不能确认都是本程序生成的`,
  hint: ({ dir }) => `新网站已经发布；旧网站连同这些文件没有删去，留在 ${dir}：请把要留的文件移到别处，再删去这个文件夹`,
});

/** Why the build will not replace an output folder (pipeline/disk-writer.ts): the folder as the project names it. */
type Folder = { folder: string };

const refused = entriesOf({ rule: 'output-folder', title: '输出目录不能用（不是本程序生成的目录等）', severity: 'error' });

export const OUTPUT_FOLDER = {
  inProject: refused<Folder>({
    message: ({ folder }) => `输出目录 ${folder} 是项目本身或它的 content、templates 等目录`,
    hint: '生成网站会整个替换输出目录，请另选一个目录，例如 dist',
  }),
  isLink: refused<Folder & { target: string }>({
    message: ({ folder, target }) => `输出目录 ${folder} 是一个链接，指向 ${target}`,
    hint: ({ target }) =>
      `生成网站会整个替换输出目录：替换链接会让它指向的目录变空。请把输出目录直接设为 ${target}（npm run build -- --out ${target}），或让网站服务器的目录链接到这里生成的目录`,
  }),
  isFile: refused<Folder>({
    message: ({ folder }) => `输出目录 ${folder} 是一个文件，不是目录`,
    hint: '请另选一个目录，例如 dist',
  }),
  unmarked: refused<Folder & { marker: string }>({
    message: ({ folder, marker }) => `输出目录 ${folder} 里已有不是本程序生成的文件（没有本程序能核对的 ${marker} 标记）`,
    hint: '生成网站会整个替换输出目录，请另选一个空目录或不存在的目录，或先把其中的文件移走',
  }),
  /** named: the first few of the count files, as the project names them. */
  foreignFiles: refused<Folder & { named: string[]; count: number }>({
    message: ({ folder, named, count }) =>
      `输出目录 ${folder} 里有不是本程序生成的文件：${named.join('、')}${count > named.length ? ` 等 ${count} 个文件` : ''}。生成网站会整个替换输出目录，这些文件会丢失，所以没有生成`,
    hint: '要随网站发布的文件请放到 content/（图片和 PDF 附件，放在与该期同名的文件夹里，如 content/2019/10/）或 templates/static/（网站的固定文件），生成时会一并发布；其他文件请移到别处，再重新生成',
  }),
  /** A folder of the build's own names (staging, retired) that it cannot prove its own. */
  leftInTheWay: refused<{ dir: string }>({
    message: ({ dir }) => `目录 ${dir} 的名字像是本程序生成网站时用的临时目录，但不能确认是本程序的`,
    hint: '为免删去别人的文件，没有生成。请看看其中是什么，移走或删去它，再重新生成',
  }),
} as const;

/** An issue as the neighbours' messages name it: "content/2019/09.md（2019年第9期，总第583期）". */
export interface Neighbour {
  target: string;
  /** ISO date: its year is the issue's. */
  date: string;
  issue: number;
  total?: number;
}

const named = ({ target, date, issue, total }: Neighbour) => `${target}（${date.slice(0, 4)}年第${issue}期${total ? `，总第${total}期` : ''}）`;

/** How an imported issue disagrees with the issues before and after it by date (import/neighbours.ts). */
const neighbours = entriesOf({ rule: 'import-neighbours', title: 'npm run import：导入的期号、总期号与前后各期不符', severity: 'warning' });

export const IMPORT_NEIGHBOURS = {
  issueOrder: neighbours<{ issue: number; other: Neighbour }>({
    message: ({ issue, other }) => `期号 ${issue} 与同年的 ${named(other)}不合：日期在前的一期，期号应更小`,
    hint: '请核对原件的期号和日期',
  }),
  totalOrder: neighbours<{ total: number; other: Neighbour }>({
    message: ({ total, other }) => `总期号 ${total} 与 ${named(other)}不合：日期在前的一期，总期号应更小`,
    hint: '请核对原件的总期号和日期',
  }),
  steps: neighbours<{ other: Neighbour; issueStep: number; totalStep: number }>({
    message: ({ other, issueStep, totalStep }) => `期号和总期号与 ${named(other)}对不上：期号相差 ${issueStep}，总期号却相差 ${totalStep}`,
    hint: '请核对原件的期号和总期号',
  }),
  /** total: the 总期号 the one before gives it. */
  noTotal: neighbours<{ before: Neighbour; total: number }>({
    message: () => '原件中没有找到总期号',
    hint: ({ before, total }) => `按前一期 ${named(before)} 推算应为总第${total}期，请核对后填上`,
  }),
} as const;

// Issue 23 (hardening, round three): the messages its fixes added, in one block.

/** The dev server's answers to a request it cannot serve (dev/server.ts). */
export const DEV_ANSWERS = {
  badRequest: '请求的地址写法不对，预览无法读懂：请在地址栏中写本站的网址，例如 http://127.0.0.1:端口/',
  failed: '预览处理这个请求时出错（这是程序的问题）：请刷新页面；再出错请把终端里的信息发给维护人员',
} as const;

export const HARDENED = {
  tooManyCells: check<{ limit: number }>({
    rule: 'too-large',
    title: '文件或其中一段超过输入限制（大小、行数、列表项、标记）',
    severity: 'error',
    message: ({ limit }) => `这一期的表格到这一行已超过 ${limit} 个单元格（每一行都按表头的列数计算），远多于任何稿件所需，生成网页会卡住`,
    hint: '请检查表头是不是粘贴错了，或把表格拆开、减少列数',
  }),
  outsideProject: check<{ target: string }>({
    rule: 'outside-project',
    title: '文件是指向项目以外的链接（符号链接），不会读取',
    severity: 'error',
    message: ({ target }) => `这个文件是指向项目以外（${target}）的链接`,
    hint: '为免发布不该公开的文件，程序只读项目文件夹里的文件：请把文件本身复制到这里，替换这个链接',
  }),
  badgeNotImage: check<{ badge: string; why: string }>({
    rule: 'badge-image',
    title: 'site.yml 的党政机关网站标识 badge 图片找不到或不是图片',
    severity: 'error',
    message: ({ badge, why }) => `党政机关网站标识 ${badge} ${why}`,
    hint: '请把发给本站的标识图片（.png、.gif、.jpg、.svg 或 .webp，不超过 1 MB）本身存到项目里，例如 templates/static/dzjg.png，再改正 badge 的路径',
  }),
  badgeMissing: check<{ badge: string }>({
    rule: 'badge-image',
    title: 'site.yml 的党政机关网站标识 badge 图片找不到或不是图片',
    severity: 'error',
    message: ({ badge }) => `找不到党政机关网站标识的图片 ${badge}`,
    hint: '请把发给本站的标识图片存到这个位置（路径从项目文件夹算起，例如 templates/static/dzjg.png），或改正 badge 的路径',
  }),
  bidiCharacter: check<{ where: string }>({
    rule: 'bidi-character',
    title: '有改变文字方向的看不见的字符，页面上已让它失效（警告）',
    severity: 'warning',
    message: ({ where }) => `${where}中有改变文字方向的看不见的字符（U+202A–U+202E、U+2066–U+2069 等），会把其后的文字倒过来显示`,
    hint: '页面上已让它失效；多半是从别处复制文字时带来的，请删去它',
  }),
  linkScheme: check<{ address: string; scheme: string }>({
    rule: 'external-link',
    title: '链接地址写法有误（不是网址，或会被读作其他网站），已从页面中删去（警告）',
    severity: 'warning',
    message: ({ address, scheme }) => `链接地址 ${address} 以 ${scheme} 开头，不是网页或邮件地址`,
    hint: '已从页面中删去。请写 https:// 开头的完整网址，或本站的相对地址',
  }),
  importTooBig: imported<{ gigabytes: string }>({
    message: ({ gigabytes }) => `文件有 ${gigabytes} GB，远超一期刊物的篇幅，程序无法读入`,
    hint: '请检查是不是选错了文件（例如整个光盘映像或视频），或把其中的各期分开保存后再导入',
  }),
  importNotRegular: imported({
    message: () => '这不是普通的文件（是管道、设备或套接字）',
    hint: '请把要导入的文件本身复制到文件夹里',
  }),
} as const;
