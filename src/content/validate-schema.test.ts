import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import { FIELD_NAMES, frontMatterSchema } from '../model/issue.ts';
import { parseYaml } from './parse-yaml.ts';
import { validateWithSchema } from './validate-schema.ts';

/** The messages of a front matter block (the file's first lines), as "line:column message [rule]". */
function messagesOf(yaml: string): string[] {
  const file = new VFile({ path: 'content/2019/10.md', value: yaml });
  const parsed = parseYaml(file, yaml);
  if (parsed) validateWithSchema(file, parsed, frontMatterSchema, { where: '文件开头的设置', fieldNames: FIELD_NAMES });
  return file.messages.map((m) => `${m.line}:${m.column} ${m.reason} [${m.ruleId}]`);
}

const HEAD = 'issue: 10\ntotal: 584\ndate: 2019-05-27\n';

describe('a value YAML reads otherwise than the editor typed it', () => {
  it('a value after # is a comment: the line is shown as it should be written, quoted', () => {
    expect(messagesOf(`${HEAD}title: #专刊\ndistribution:\n  - 各省\n`)).toEqual([
      '4:8 值以 # 开头，YAML 把 # 和它后面的文字当成了注释，这一项就成了空的：请给整个值加上英文引号，写作“title: "#专刊"” [yaml-syntax]',
    ]);
    expect(messagesOf(`${HEAD}distribution:\n  - 各省\n  - # 各市州 "人大"\n`)).toEqual([
      '6:5 值以 # 开头，YAML 把 # 和它后面的文字当成了注释，这一项就成了空的：请给整个值加上英文引号，写作“- "# 各市州 \\"人大\\""” [yaml-syntax]',
    ]);
  });

  it('an item of 送 holding ": " is a key and its value: the line is shown with a full-width colon', () => {
    expect(messagesOf(`${HEAD}distribution:\n  - 各省\n  - 抄送: 各市州人大常委会\n`)).toEqual([
      '6:5 送 distribution 中这一项有半角冒号加空格（": "），YAML 把它当成了“键: 值”，而每一项应是一行文字：请把冒号改为全角，写作“- 抄送：各市州人大常委会”，或给整项加上英文引号 [yaml-syntax]',
    ]);
  });

  it('an empty value, or an item that is more than one key, keeps the field’s own message', () => {
    expect(messagesOf(`${HEAD}title:\ndistribution:\n  - 各省\n`)).toEqual(['4:7 标题 title 应为文字 [invalid-field]']);
    expect(messagesOf(`${HEAD}distribution:\n  - { 甲: 1, 乙: 2 }\n`)).toEqual(['5:5 送 distribution 应为文字 [invalid-field]']);
  });
});
