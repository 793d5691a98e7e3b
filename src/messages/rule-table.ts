// docs/messages.md, made from the catalogue: every exit code, and every rule id with how it ends a
// command and what it is about, so that an editor can look up the id a message ends with. The
// document is written by `npm run docs:messages`; a test keeps it equal to what this makes.
import { CATALOGUE, CONTENT, type ContentEntry, HARDENED, IMPORT_NEIGHBOURS, OUTPUT_FOLDER } from './catalogue.ts';
import { EXIT, EXIT_MEANINGS, type ExitName } from './exit-codes.ts';
import { FIELD_RULES } from './fields.ts';
import { READING, YAML_PROBLEMS } from './reading.ts';

export interface RuleRow {
  rule: string;
  /** The command's exit code when this is the worst message. */
  exit: number;
  /** 错误, 警告 or 提示. */
  kind: string;
  title: string;
}

const KIND: Record<ContentEntry<unknown>['severity'], string> = { error: '错误', warning: '警告', note: '提示' };
const EXIT_OF: Record<ContentEntry<unknown>['severity'], number> = { error: EXIT.contentErrors, warning: EXIT.ok, note: EXIT.ok };

/** Every rule once, content rules first, in the catalogue's order. */
export function ruleRows(): RuleRow[] {
  const rows = new Map<string, RuleRow>();
  const content = [
    ...Object.values(READING),
    ...Object.values(YAML_PROBLEMS),
    ...Object.values(CONTENT),
    ...Object.values(HARDENED),
    ...Object.values(FIELD_RULES),
    ...Object.values(OUTPUT_FOLDER),
    ...Object.values(IMPORT_NEIGHBOURS),
  ];
  for (const { rule, title, severity } of content) {
    if (!rows.has(rule)) rows.set(rule, { rule, exit: EXIT_OF[severity], kind: KIND[severity], title });
  }
  for (const { rule, title, exit } of Object.values(CATALOGUE)) rows.set(rule, { rule, exit: EXIT[exit], kind: '错误', title });
  return [...rows.values()];
}

/** The text of docs/messages.md. */
export function messagesDocument(): string {
  const codes = (Object.keys(EXIT) as ExitName[]).map((name) => `| ${EXIT[name]} | ${EXIT_MEANINGS[name]} |`);
  const rules = ruleRows().map((r) => `| \`${r.rule}\` | ${r.kind} | ${r.exit} | ${r.title} |`);
  return [
    '# 信息和退出码 / Messages and exit codes',
    '',
    '<!-- Made by `npm run docs:messages` from src/messages/catalogue.ts, reading.ts, fields.ts and exit-codes.ts: edit those, not this file. -->',
    '',
    '每条信息都以它的规则名结尾，如 `[bulletin:invalid-date]`；在下表中查这个名字，就知道是什么问题。',
    '信息的全文和“怎么办”都在 `src/messages/catalogue.ts`、`reading.ts` 和 `fields.ts`（各设置项的说明）中；检查时填入的部分在 `parts.ts`，导入的说明在 `import.ts`，命令行的输出在 `commands.ts`。',
    '',
    '## 退出码',
    '',
    '命令结束时的退出码（供脚本判断）：',
    '',
    '| 退出码 | 含义 |',
    '| --- | --- |',
    ...codes,
    '',
    '## 规则',
    '',
    '“错误”让生成停下，网站保持原样；“警告”照常发布；“提示”只在 `npm run check` 中列出。退出码是这条信息为最严重的一条时命令的退出码。',
    '',
    '| 规则 | 类别 | 退出码 | 什么问题 |',
    '| --- | --- | --- | --- |',
    ...rules,
    '',
  ].join('\n');
}
