// The parts of a content check's message that the check picks by what it found, and passes into
// its catalogue entry (catalogue.ts): why a badge is not an image, the reasons a line of settings
// was mistyped, what is nested too deep, which invisible character was found and where. One named
// entry per entry of the catalogue they fill in, each text a function of its values.

/** Why the badge of site.yml is not an image of the project: the why of HARDENED.badgeNotImage. */
export const BADGE_NOT_IMAGE = {
  notImage: '不是图片（文件的内容不是 PNG、GIF、JPEG、WebP 或 SVG 图片）',
  outside: (target: string) => `是指向项目以外（${target}）的链接，不会读取`,
  tooLarge: (megabytes: number) => `超过 ${megabytes} MB，不像是标识图片`,
  notRegularFile: '不是普通文件（是文件夹、管道或设备）',
} as const;

/** Why a picture or attachment in content/ is not published: the reason of CONTENT.resourceNotPublished. */
export const NOT_PUBLISHED = {
  link: '它是链接（符号链接），程序只发布项目里的文件本身',
  outside: (target: string) => `它是指向项目以外（${target}）的链接，不会读取`,
  tooLarge: (megabytes: number) => `超过 ${megabytes} MB`,
  notRegularFile: '不是普通文件（是管道或设备）',
} as const;

/** What was mistyped in a line of settings: the reasons of CONTENT.typingSlip, joined. */
export const TYPING_SLIPS = {
  fullWidthIndent: '行首的空格要用半角空格，不用全角空格',
  chineseKey: (englishKey: string, typed: string) => `项目名要用英文 ${englishKey}，不用“${typed}”`,
  spaceBeforeColon: '项目名和冒号之间不要空格',
  fullWidthColon: '冒号要用英文半角“:”，不用中文全角“\uFF1A”',
  fullWidthSpaceAfterColon: '冒号后的空格要用半角空格，不用全角空格',
  noSpaceAfterColon: '冒号后面要留一个空格',
} as const;

/** What is nested too deep: the what of CONTENT.tooDeep. */
export const TOO_DEEP = {
  containers: '列表或引用（行首的 >、-、*、1. 等）',
  htmlTags: ' HTML 标签（没有结束标签的也算）',
  tree: '引用、列表、加粗、斜体、删除线或链接',
} as const;

/** The names of the characters XML forbids (by code), said in CONTENT.controlCharacter. */
const CONTROL_NAMES: Record<number, string> = {
  0: '空字符',
  8: '退格符',
  11: '垂直制表符',
  12: '换页符',
  27: '转义符',
};

/** A forbidden character as "U+000C（换页符）". */
const describeCharacter = (code: number): string => {
  const name = CONTROL_NAMES[code] ?? (code < 0x20 ? '控制字符' : code >= 0xfffe ? '非字符' : '不成对的代理项');
  return `U+${code.toString(16).toUpperCase().padStart(4, '0')}（${name}）`;
};

/** What was found, what to do about it (CONTENT.controlCharacter), and where a bidi control was (HARDENED.bidiCharacter). */
export const INVISIBLE_CHARACTERS = {
  /** code: the first forbidden character's; count: how many there are. */
  what: (code: number, count: number) =>
    count === 1 ? `一个看不见的字符 ${describeCharacter(code)}` : ` ${count} 个看不见的字符，第一个是 ${describeCharacter(code)}`,
  todoInFile: '它多半是从 Word 或网页复制时带来的，请在编辑器中删去',
  todoInEscape: '它是由转义写法（如 \\f、\\u0001 或 &#1;）得到的，请删去这个转义',
  bidiInLine: '这一行',
  bidiInEscape: '转义写法（如 \\u202E 或 &#x202E;）得到的文字',
} as const;

/** A gap in the archive, as CONTENT.archiveGap says it. */
export interface GapValues {
  year?: number;
  years?: [number, number];
  numbers?: [number, number];
  totals?: [number, number];
}

const range = ([a, b]: [number, number]) => (a === b ? `${a}` : `${a}—${b}`);

/** "缺少总第575—581期（2019年第1—7期）", "缺少总第570—573期（2018—2019年）", "缺少2019年第5期". */
export const archiveGapText = (gap: GapValues): string => {
  const where = gap.year !== undefined ? `${gap.year}年${gap.numbers ? `第${range(gap.numbers)}期` : ''}` : `${range(gap.years!)}年`;
  return gap.totals ? `缺少总第${range(gap.totals)}期（${where}）` : `缺少${where}`;
};

/** Where the settings are, in READING.notKeyValue and the field messages: the front matter of an issue. */
export const FRONT_MATTER_WHERE = '文件开头的设置';

/** Where the settings are, for site.yml. */
export const SITE_YML_WHERE = 'site.yml ';

/** Why Pagefind's program cannot be run (CATALOGUE.pagefindMissing's why). */
export const PAGEFIND_WHY = { notInstalled: '没有安装', missing: '不存在', notExecutable: '不能执行（没有执行权限）' } as const;

/** A part of the search index as messages name it: 总第1–250期, or 2019年各期 for the latest year's. */
export const searchPartName = (part: { first: number; last: number } | { year: number }): string =>
  'year' in part ? `${part.year}年各期` : `总第${part.first}–${part.last}期`;
