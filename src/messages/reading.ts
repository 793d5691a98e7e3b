// The messages of reading content/ and the settings at the head of each file (stages 1 and 2):
// files and folders that are not read, text that is not UTF-8, YAML that does not parse, keys that
// are not known. Each entry as in the catalogue: rule id, title, severity, what happened, what to do.
import { check } from './catalogue.ts';

const tooLarge = { rule: 'too-large', title: '文件或其中一段超过输入限制（大小、行数、列表项、标记）', severity: 'error' } as const;
const notText = { rule: 'not-a-text-file', title: '不是普通文本文件（是文件夹、管道或设备）', severity: 'error' } as const;
const encoding = { rule: 'encoding', title: '文件不是 UTF-8 文本（GBK 编码、Word 文档、二进制文件）', severity: 'error' } as const;
/** A file's name without its folder and extension: content/2019/09.md → 09. */
const stem = (relPath: string) =>
  String(relPath)
    .replace(/^.*\//, '')
    .replace(/\.[^.]*$/, '');
const yamlSyntax = (message: string, hint: string) =>
  check({ rule: 'yaml-syntax', title: '设置块的 YAML 写法有误', severity: 'error', message: () => message, hint });

export const READING = {
  // Files and folders of content/ that are not read (content/load-content.ts).
  notMarkdown: check<{ relPath: string }>({
    rule: 'not-markdown',
    title: 'content/ 中有不是 .md 的文件（如 .docx、.txt），它不会发布',
    severity: 'warning',
    message: () => '生成网站只读 .md 文件，这个文件不会发布',
    hint: ({ relPath }) => `请用 npm run import -- ${relPath} 把它转成期刊文件，核对后删去原文件`,
  }),
  issueFileName: check<{ wanted: string }>({
    rule: 'issue-file-name',
    title: '期刊文件名的写法不对（如 09.MD、9.markdown），它不会发布',
    severity: 'warning',
    message: () => '期刊文件名应以小写的 .md 结尾，这个文件不会发布',
    hint: ({ wanted }) => `请改名为 ${wanted}`,
  }),
  /** wanted: where it belongs by its own date and 期号, when they can be read; taken: a file is there already. */
  misplacedIssue: check<{ wanted?: string; taken?: boolean }>({
    rule: 'misplaced-issue',
    title: '期刊文件不在年份文件夹里，它不会发布',
    severity: 'warning',
    message: () => '期刊文件应放在年份文件夹里，这个文件不会发布',
    hint: ({ wanted, taken }) =>
      wanted === undefined
        ? '请把它移到 content/<年份>/ 下，例如 content/2019/09.md'
        : taken
          ? `按它开头设置中的日期和期号，它应是 ${wanted}，但那里已经有一个文件：请对照两个文件，留下对的一个`
          : `按它开头设置中的日期和期号，请把它移到 ${wanted}`,
  }),
  unreadableFolder: check({
    rule: 'unreadable-folder',
    title: 'content/ 中有读不了的文件夹',
    severity: 'error',
    message: () => '读不出这个文件夹里有哪些文件（没有读取权限）',
    hint: '其中的期刊不能发布，请检查文件夹的权限',
  }),

  // A file that cannot be read as text.
  missingFile: check({
    rule: 'missing-file',
    title: '文件找不到',
    severity: 'error',
    message: () => '找不到这个文件，或没有读取权限',
    hint: '请检查文件名，以及文件和它所在文件夹的读取权限',
  }),
  folderNotFile: check({
    ...notText,
    message: () => '这是一个文件夹，不是文件',
    hint: '名字以 .md 或 .yml 结尾的应是文本文件，请给这个文件夹改名',
  }),
  notRegular: check({
    ...notText,
    message: () => '这不是普通文件（是管道、设备或指向它们的链接），读不出内容',
    hint: '请换成以 UTF-8 编码保存的文本文件',
  }),
  fileTooLarge: check<{ size: string }>({
    ...tooLarge,
    message: ({ size }) => `文件超过 ${size}，远大于任何一期`,
    hint: '请检查是不是放错了文件，或把内容拆成几期',
  }),
  tooManyLines: check<{ lines: number }>({
    ...tooLarge,
    message: ({ lines }) => `文件超过 ${lines} 行，远多于任何一期`,
    hint: '请检查是不是放错了文件，或把内容拆成几期',
  }),

  // Text that is not UTF-8 (text/decode-text.ts tells which kind).
  gbk: check({
    ...encoding,
    message: () => '文件是 GBK（GB18030）编码，不是 UTF-8',
    hint: '请用记事本打开这个文件，点“另存为”，把“编码”选为 UTF-8 后保存',
  }),
  docx: check<{ relPath: string }>({
    ...encoding,
    message: () => '这个文件其实是 Word 文档，不是文本',
    hint: ({ relPath }) =>
      `不要只改扩展名：请把它移出 content/ 并改回 .docx，例如改为 旧稿/${stem(relPath)}.docx，再运行 npm run import -- 旧稿/${stem(relPath)}.docx`,
  }),
  doc: check<{ relPath: string }>({
    ...encoding,
    message: () => '这个文件其实是旧版 Word 或 WPS 文档，不是文本',
    hint: ({ relPath }) =>
      `请把它移出 content/ 并改回 .doc（WPS 文档为 .wps），例如改为 旧稿/${stem(relPath)}.doc，再运行 npm run import -- 旧稿/${stem(relPath)}.doc`,
  }),
  pdf: check<{ relPath: string }>({
    ...encoding,
    message: () => '这个文件其实是 PDF，不是文本',
    hint: ({ relPath }) => `请把它移出 content/ 并改回 .pdf，例如改为 旧稿/${stem(relPath)}.pdf，再运行 npm run import -- 旧稿/${stem(relPath)}.pdf`,
  }),
  binary: check({
    ...encoding,
    message: () => '这个文件不是文本文件',
    hint: 'content/ 中的期刊应是以 UTF-8 编码保存的 .md 文件，请检查是不是放错了文件',
  }),
  unknownEncoding: check({ ...encoding, message: () => '文件不是 UTF-8 编码，也认不出是哪种编码', hint: '请在编辑器中以 UTF-8 编码另存' }),

  // The settings at the head of a file, and site.yml (content/validate-schema.ts, parse-yaml.ts).
  notKeyValue: check<{ where: string }>({
    rule: 'front-matter-shape',
    title: '设置块不是一行一项的“键: 值”',
    severity: 'error',
    message: ({ where }) => `${where}应是一行一项的 "键: 值"`,
    hint: '例如 "issue: 9"（冒号用英文半角，后面留一个空格）',
  }),
  unknownKey: check<{ key: string; guess?: string; guessName?: string; known: string[] }>({
    rule: 'unknown-key',
    title: '不认识的设置项（可能拼错了）',
    severity: 'warning',
    message: ({ key }) => `不认识的项目 ${key}`,
    hint: ({ guess, guessName, known }) => (guess ? `是不是要写 ${guess}（${guessName}）？` : `可用的项目有：${known.join('、')}`),
  }),
  missingField: check<{ key: string; name: string; what: string }>({
    rule: 'missing-field',
    title: '缺少必填的设置项',
    severity: 'error',
    message: ({ key, name }) => `缺少必填项 ${key}（${name}）`,
    // What the field holds, as its schema says it (model/issue.ts, model/site.ts).
    hint: ({ what }) => what,
  }),
} as const;

/** The YAML parser's error codes, each as the editor is told it (content/parse-yaml.ts). */
export const YAML_PROBLEMS = {
  TAB_AS_INDENT: yamlSyntax('这一行用 Tab 键缩进，YAML 只认空格', '请把 Tab 换成两个空格'),
  BAD_INDENT: yamlSyntax('这一行的缩进不对', '同一级的各行要对齐，列表项以 "- " 开头并比上一级多缩进两个空格'),
  DUPLICATE_KEY: yamlSyntax('这个项目写了两次', '请删去其中一个'),
  MISSING_CHAR: yamlSyntax('少了一个符号（冒号、引号或括号没有配对）', '请检查这一行'),
  MULTILINE_IMPLICIT_KEY: yamlSyntax('一个值跨了多行', '请检查上一行是否少了冒号或引号'),
  BLOCK_AS_IMPLICIT_KEY: yamlSyntax('键的写法不对', '每行应写作 "键: 值"，冒号后留一个空格'),
  UNEXPECTED_TOKEN: yamlSyntax('这里有一个意外的符号', '请检查冒号、引号和括号'),
  BAD_SCALAR_START: yamlSyntax('值不能以这个符号开头', '请给整个值加上英文引号'),
  RESOURCE_EXHAUSTION: yamlSyntax('这里的括号或缩进嵌套得太深', '设置中的值不会这样嵌套，请检查这一行'),
  other: yamlSyntax('文件开头的设置（YAML）写法有误', '请检查这一行的冒号、缩进和引号'),
} as const;

/** A value holding ": " (title: 专刊: 学习), which YAML takes for a second key: line, written with a full-width colon. */
export const COLON_IN_VALUE = check<{ line: string }>({
  ...YAML_PROBLEMS.other,
  message: () => '值里有半角冒号加空格（": "），YAML 把它当成了又一个键',
  hint: ({ line }) => `请把值里的冒号改为全角，写作“${line}”，或给整个值加上英文引号`,
});

/** A value that starts with # (title: #专刊), which YAML reads as a comment, so the field is empty: line, written with quotes. */
export const COMMENT_AS_VALUE = check<{ line: string }>({
  ...YAML_PROBLEMS.other,
  message: () => '值以 # 开头，YAML 把 # 和它后面的文字当成了注释，这一项就成了空的',
  hint: ({ line }) => `请给整个值加上英文引号，写作“${line}”`,
});

/** An item of a list holding ": " (- 抄送: 各省), which YAML takes for a key and its value: line, written with a full-width colon. */
export const COLON_IN_ITEM = check<{ line: string; field: string }>({
  ...YAML_PROBLEMS.other,
  message: ({ field }) => `${field} 中这一项有半角冒号加空格（": "），YAML 把它当成了“键: 值”，而每一项应是一行文字`,
  hint: ({ line }) => `请把冒号改为全角，写作“${line}”，或给整项加上英文引号`,
});
