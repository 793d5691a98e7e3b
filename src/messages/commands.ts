// What the commands say on the command line (cli.ts, commands/, report.ts): the help of each
// command, its progress and results, and why it stopped before doing anything. The failures of
// programs the build runs and of the machine are entries of CATALOGUE (catalogue.ts); problems in
// the content are the checks' messages, printed by report.ts.

/** The help of npm run build, check and pdf (--help, or after a wrong option). */
export const BUILD_HELP = {
  build: `用法：npm run build [-- 选项]

检查 content/ 中的全部期刊，生成网站到 dist/。
有任何错误时不生成网站，dist/ 保持原样。

选项：
  --drafts     同时发布标有 draft: true 的草稿
  --out 目录   输出到指定目录（默认 dist）
  --pdf        同时把每期印成 PDF（同 npm run pdf，需要 Chromium）
  --timings    列出各阶段的用时和缓存命中数，看慢在哪里
  --help       显示本说明`,
  check: `用法：npm run check

只检查 content/ 中的全部期刊和模板，不生成网站。
报告的问题与 npm run build 相同，每条写明文件、行号和改法。

选项：
  --timings    列出各阶段的用时和缓存命中数，看慢在哪里
  --help       显示本说明`,
  pdf: `用法：npm run pdf [-- 选项]

检查并生成网站到 dist/，同时把每期印成 A4 的 PDF，版式与纸质《联络动态》相同
（GB/T 9704-2012：红色报头、3号仿宋正文、页码、版记），放在该期页面旁边，例如
dist/2019/09/lianluodongtai-2019-09.pdf，该期页面上出现“下载 PDF”。
与 npm run build -- --pdf 相同。

只印制还没有 PDF 或内容改过的期：印好的 PDF 保存在 .cache/build/ 中，之后的
npm run build（不带 --pdf）也会沿用；内容改过的期暂时没有 PDF，直到再次运行 npm run pdf。

需要 Debian 的 Chromium 浏览器和中文字体：sudo apt-get install chromium fonts-noto-cjk

选项：
  --drafts     同时发布标有 draft: true 的草稿
  --out 目录   输出到指定目录（默认 dist）
  --timings    列出各阶段的用时和缓存命中数，看慢在哪里
  --help       显示本说明`,
} as const;

/** npm run dev's help; port: the one tried first without --port. */
export const devHelp = (port: number): string => `用法：npm run dev [-- 选项]

生成网站并在本机预览：在浏览器中打开显示的网址（只有本机能访问）。
修改 content/ 中的期刊或 site.yml、templates/ 中的模板和样式并保存后，
只重新生成受影响的页面，浏览器自动刷新，不用重启。
稿件有错误时预览不会停止：错误列在这里，也显示在网页上方，改正保存后自动消失；
网页上显示的是上次正确的内容。预览中也显示草稿（draft: true）。
预览不写入 dist/；要发布请运行 npm run build。按 Ctrl+C 停止。

选项：
  --port 端口   使用指定端口，例如 --port 8080（默认 ${port}，被占用时自动换下一个）
  --help        显示本说明`;

/** npm run import's help; reportFile: where each batch's report is added. */
export const importHelp = (reportFile: string): string => `用法：npm run import -- 文件或文件夹 [文件或文件夹…] [--dry-run]

把往期刊物导入为 content/<年份>/<两位期号>.md。给出文件夹时，导入其中（含各级子文件夹）
全部可导入的文件。可以导入：
  .txt   从印刷稿提取的文字（UTF-8、GBK 或带 BOM 的 UTF-16 编码均可）
  .docx  Word 文档（保留标题、列表、加粗和表格）
  .doc   旧版 Word 文档，.wps  WPS 文档（需要 LibreOffice：sudo apt-get install libreoffice-writer-nogui）
  .pdf   带文字层的 PDF（扫描件需要先做文字识别）

从报头认出期号、总期号（汉字数字）、日期和编印单位，从版记认出送、责任编辑、联系方式；
正文中认出文章标题、署名、文章日期、层次标题、快讯和结尾说明，
接上被分页断开的句子，去掉页码和重复的页眉。
已有同名文件时不会覆盖，同一期的第二个文件会跳过。结束时列出导入、跳过、没有导入的文件
和需要核对的地方（文件和行号），并添加到 ${reportFile} 的末尾（每批一节，注明时间，以前的不会被覆盖）。

选项：
  --dry-run   只读取和报告，不写入任何文件
  --help      显示本说明

例如：npm run import -- ../往期
      npm run import -- ../shared/corpus/lianluodongtai-2019-09.txt`;

/** npm run new's help. */
export const NEW_HELP = `用法：npm run new [-- 选项]

新建下一期：content/<年份>/<两位期号>.md。
期号接着本年最后一期往下编（新的一年从 1 起），总期号接着最大的总期号往下编，
日期默认是今天，送和责任编辑照抄最新一期；正文是一份示例，照着改写即可。
新文件标有 draft: true（草稿），定稿后删去这一行才会发布。
已有同名文件时不会覆盖。

选项：
  --date 年-月-日   出刊日期，例如 --date 2019-05-20（默认今天）
  --help            显示本说明`;

/** cli.ts: a command or option it does not know, and a failure of the machine before anything was changed. */
export const CLI = {
  unknownOption: (named: string) => `不认识的选项 ${named}：请对照下面的说明检查拼写`,
  badOptionValue: (option: string) => `选项 ${option} 的值写得不对（或缺少值）：请对照下面的说明`,
  extraArgument: (named: string) => `多余的参数 ${named}：这个命令不需要它，请删去`,
  /** Node's own words, in English, for any other wrong option. */
  badOption: (words: string) => `选项有误：请对照下面的说明（${words}）`,
  unknownCommand: (name: string, near: string | undefined, commands: string) =>
    `不认识的命令 ${name}${near ? `，是不是要写 ${near}？` : '。'}可用的命令：\n${commands}`,
  overview: (commands: string) => `联络动态网站生成工具。可用的命令：\n${commands}\n\n每个命令的说明：npm run <命令> -- --help`,
  nothingChanged: '已有的稿件和已发布的网站都没有改动。',
} as const;

/** report.ts: a message's severity, the totals under the messages, and the drafts left out. */
export const REPORT = {
  severity: { error: '错误', warning: '警告', note: '提示' },
  /** notes: how many notes were shown, or 0 when they were not. */
  totals: (errors: number, warnings: number, notes: number) => `共 ${errors} 个错误，${warnings} 个警告${notes > 0 ? `，${notes} 条提示` : ''}。`,
  drafts: (drafts: readonly string[]) => `草稿 ${drafts.length} 期未发布：${drafts.join('、')}（要发布请去掉 draft: true，或用 --drafts 预览）`,
} as const;

/** npm run build, check and pdf. */
export const BUILD = {
  summary: { build: '检查并生成网站', check: '只检查，不生成', pdf: '生成网站，并把每期印成 PDF' },
  pdfs: (published: number, printed: number) => `PDF\uFF1A${published} 期有 PDF\uFF0C其中本次印制 ${printed} 期。`,
  withoutPdf: (count: number) => `另有 ${count} 期没有 PDF（新的一期，或页面改过），用 npm run pdf 生成。`,
  printed: (done: number, total: number, year: number, number: number) => `PDF ${done}/${total}\uFF1A${year}年第${number}期`,
  /** out: the output folder as shown, "dist/". */
  unchanged: (out: string) => `${out} 保持原样。`,
  /** write: a build, not a check; kept: BUILD.unchanged or nothing. */
  failed: (write: boolean, errors: number, kept: string) => `\n${write ? '没有生成网站' : '检查未通过'}：请先改正上面的 ${errors} 个错误。${kept}`,
  built: (upToDate: boolean, issues: number, pages: number, seconds: string, out: string) =>
    `${upToDate ? '网站已是最新，没有改动' : '已生成网站'}：${issues} 期，${pages} 个页面，用时 ${seconds} 秒，输出到 ${out}`,
  checked: (issues: number, seconds: string) => `检查通过：${issues} 期，用时 ${seconds} 秒。`,
  /** Ctrl+C or SIGTERM (how) before the new site was published (commands/interrupt.ts): its unfinished copy is removed by the next build. */
  interrupted: (out: string) => (how: string) => `\n已停止生成（${how}）：${out} 保持原样，没有写完的新网站会在下次生成时清除。`,
  /** Ctrl+C or SIGTERM while, or after, the new site was published: it was, whole. */
  interruptedAfterPublishing: (out: string) => (how: string) => `\n已停止（${how}）：停止前新网站已经生成完毕，输出到 ${out}`,
  checkInterrupted: (how: string) => `\n已停止检查（${how}）。`,
  /** How each signal that stops a run is named in those lines. */
  stoppedBy: { SIGINT: 'Ctrl+C', SIGTERM: '收到结束信号' },
} as const;

/** npm run dev. */
export const DEV = {
  summary: '本机预览，保存后自动刷新',
  badPort: (port: string) => `端口 ${port} 不对\uFF1A请写 1 到 65535 之间的整数，例如 npm run dev -- --port 8080`,
  building: '正在生成网站……',
  /** chosen: the port given with --port; else first to last were tried. */
  portsTaken: (chosen: number | undefined, first: number, last: number) =>
    `${chosen !== undefined ? `端口 ${chosen} 已被占用` : `端口 ${first} 到 ${last} 都已被占用`}\uFF1A请关掉占用它的程序（也许是另一个 npm run dev），或用 npm run dev -- --port 8080 换一个端口`,
  started: (url: string) => `\n预览已启动\uFF1A${url}`,
  running: (issues: number, errors: number) =>
    `共 ${issues} 期${errors > 0 ? `，有 ${errors} 个错误（见上，网页上方也会列出）` : ''}。保存文件后浏览器会自动刷新，按 Ctrl+C 停止。`,
  stopped: '预览已停止。',
} as const;

/** npm run import. */
export const IMPORT_COMMAND = {
  summary: '导入往期（文本、Word、WPS 或 PDF，可整个文件夹）',
  noFiles: (help: string) => `没有给出要导入的文件或文件夹。\n\n${help}`,
  siteErrors: '\n没有导入：请先改正 content/site.yml 中的错误。',
  /** what: import-report.ts's describe of the issue. */
  imported: (dryRun: boolean, source: string, target: string, what: string) => `${dryRun ? '可导入' : '已导入'} ${source} → ${target}\uFF08${what}\uFF09`,
  skipped: (source: string, reason: string) => `已跳过 ${source}\uFF1A${reason}`,
  reportAdded: (reportFile: string) => `报告已添加到 ${reportFile} 的末尾。`,
  checkThem: (count: number) => `请对照原件核对导入的 ${count} 个文件，再运行 npm run check 或 npm run dev 查看。`,
} as const;

/** npm run new (and new-issue/next-issue.ts's problem). */
export const NEW_COMMAND = {
  summary: '新建下一期',
  badDate: (date: string) => `日期 ${date} 不存在或格式不对\uFF1A请写作 年-月-日，例如 npm run new -- --date 2019-05-20`,
  contentErrors: '\n没有新建\uFF1A期号和总期号要根据已有各期来编，请先改正上面的错误。',
  notCreated: (problem: string) => `没有新建\uFF1A${problem}`,
  exists: (file: string) => `没有新建\uFF1A${file} 已经存在，不会覆盖。请打开它继续编写；如果它是放错位置的旧文件，请先改正它的期号或文件名。`,
  /** Dates as chineseDate writes them. */
  beforeLatest: (date: string, latest: string, latestDate: string) =>
    `日期 ${date} 早于最新一期 ${latest}（${latestDate}）\uFF1A新的一期应在最新一期之后，请改用 --date 指定正确的日期`,
  /** latest: the file the distribution and editors were copied from, if any. */
  created: (file: string, year: number, issue: number, total: number, date: string, latest: string | undefined) =>
    `已新建 ${file}\uFF1A${year}年第${issue}期，总第${total}期，${date}（${latest ? `送和责任编辑照抄 ${latest}` : '这是第一期：请填写送达单位'}）。`,
  draft: '这一期标为草稿（draft: true），定稿后删去这一行才会发布。',
  /** existing: the issues of that date already there (their files, 期号, whether a draft); created: the new file. */
  sameDate: (date: string, existing: readonly { file: string; issue: number; draft: boolean }[], created: string) =>
    `注意\uFF1A${date}已经有一期\uFF1A${existing.map((e) => `${e.file}\uFF08第${e.issue}期${e.draft ? '\uFF0C草稿' : ''}\uFF09`).join('、')}。如果是重复运行了 npm run new，请删去刚新建的 ${created}\uFF1B同一天确实要出两期，就接着编写它。`,
} as const;

/** What npm run build -- --timings prints (pipeline/timings.ts). */
export const TIMINGS = {
  /** The stages, in the order of the table (the numbers of project.ts). */
  stages: {
    read: '1 读取稿件',
    parse: '2 解析与排版',
    check: '3 全刊检查',
    pdfs: '5 PDF',
    pages: '6 生成页面',
    search: '7 搜索索引',
    publish: '8 写出网站',
  },
  seconds: (seconds: string) => `${seconds} 秒`,
  header: '     用时 缓存命中/查找  阶段',
  startup: '0 启动（Node 与程序载入）',
  total: '合计',
  cacheNote: '（缓存命中/查找：从 .cache/build/ 直接取用的条目数/查找的条目数。）',
  searchNote: '（搜索索引与 PDF、页面同时生成：“7 搜索索引”是页面生成之后还要等它的时间。）',
  table: (rows: string) => `各阶段用时：\n${rows}`,
} as const;

/** The pages of the site as an editor knows them, in a template's error (pages/template-errors.ts), by their key in SITE_PAGES. */
export const PAGE_NAMES = {
  home: '首页',
  archive: '往期总目录',
  search: '搜索页',
  feed: '订阅源',
  sitemap: '网站地图',
  robots: '给搜索引擎的 robots.txt',
  notFound: '“找不到页面”的页面',
  /** Any other page. */
  other: '页面',
  year: (year: number) => `${year}年各期的页面`,
  issue: (year: number, number: number) => `${year}年第${number}期的页面`,
  /** name: one of the above; path: the page's output path. */
  named: (name: string, outputPath: string) => ` ${name}（${outputPath}）`,
} as const;

/** A template's error (pages/template-errors.ts): Nunjucks' words for a template it cannot read, in Chinese, and its own words after ours. */
export const TEMPLATE_WORDS = {
  unknownTag: (tag: string) => `不认识的标签 {% ${tag} %}`,
  variableEnd: '{{ 之后缺少配对的 }}',
  blockEnd: '{% 之后缺少配对的 %}',
  endOfFile: '有标签没有结束（缺少 {% endif %}、{% endfor %}、{% endmacro %} 之类），文件就结束了',
  unexpected: (token: string) => `这里不该出现 ${token}`,
  unreadable: '模板引擎读不懂这一行',
  withOriginal: (text: string, original: string) => `${text}\n原始信息\uFF1A${original}`,
} as const;

/** A bug in the output folder's writer (pipeline/disk-writer.ts): a file to publish that was neither made nor kept. */
export const neitherMadeNorKept = (file: string): string => `${file}\uFF1A没有生成，也不在已发布的网站中（这是程序的问题）`;

/** What npm run dev says in the terminal as files are saved, and the page it shows with no site yet. */
export const DEV_SESSION = {
  searchUpdated: ({ issues, seconds }: { issues: number; seconds: number }) => `搜索索引已更新（${issues} 期，用时 ${seconds.toFixed(1)} 秒）`,
  searchNotUpdated: (failure: string) => `搜索索引没有更新（页面预览不受影响）\uFF1A\n${failure}`,
  searchNotUpdatedBug: (error: string) => `搜索索引没有更新（这是程序的问题，页面预览不受影响）\uFF1A${error}`,
  unexpected: (stack: string) => `出现意外错误（这是程序的问题，不是稿件的问题，请把下面的信息发给维护人员；预览继续运行）\uFF1A\n${stack}`,
  /** The files of one save: the one, or the first and how many. */
  savedFiles: (paths: readonly string[]) => (paths.length === 1 ? paths[0]! : `${paths[0]} 等 ${paths.length} 个文件`),
  saved: ({ time, which, deleted, pages, ms }: { time: string; which: string; deleted: boolean; pages: number; ms: number }) =>
    `[${time}] ${which} ${deleted ? '已删除' : '已保存'}\uFF1A${pages > 0 ? `更新了 ${pages} 个页面` : '页面没有变化'}，用时 ${ms} 毫秒`,
  allFixed: '问题都已改正。',
  cannotWatch: ({ folder, why }: { folder: string; why: string }) => `不能再监视 ${folder}/ 的改动（${why}）\uFF1A请按 Ctrl+C 停止，再运行 npm run dev`,
  noSitePage: `<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>网站还没有生成</title></head>
<body><p>网站还没有生成：请按页面上方列出的错误改正文件，保存后会自动刷新。</p></body></html>`,
} as const;
