// Checks parsed YAML against a zod schema and reports every problem at its line:
// missing fields, wrong types, and unknown keys (a warning naming the likely intended key).
import { closest, distance } from 'fastest-levenshtein';
import type { VFile } from 'vfile';
import type { z } from 'zod';
import { reportError, reportWarning } from '../messages.ts';
import { isMapping, type ParsedYaml } from './parse-yaml.ts';

export interface SchemaContext {
  /** What the YAML block is called in messages, e.g. 文件开头的设置 */
  where: string;
  /** Chinese names of the fields, for messages about absent ones. */
  fieldNames: Record<string, string>;
}

function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let value = data;
  for (const key of path) {
    if (typeof value !== 'object' || value === null) return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

/** The known key an unknown one was probably meant to be, if it is close enough. */
export function likelyKey(key: string, known: readonly string[]): string | undefined {
  if (known.length === 0) return undefined;
  const guess = closest(key, known as string[]);
  return distance(key, guess) <= Math.max(2, Math.floor(key.length / 3)) ? guess : undefined;
}

/** A schema check may name its own rule (params.rule); otherwise the field is of the wrong kind. */
function ruleOf(issue: z.core.$ZodIssue): string {
  const rule = issue.code === 'custom' ? (issue.params as { rule?: unknown } | undefined)?.rule : undefined;
  return typeof rule === 'string' ? rule : 'invalid-field';
}

export function validateWithSchema<S extends z.ZodType>(file: VFile, parsed: ParsedYaml, schema: S, context: SchemaContext): z.infer<S> | undefined {
  if (!isMapping(parsed.data)) {
    reportError(file, `${context.where}应是一行一项的 "键: 值"，例如 "issue: 9"（冒号用英文半角，后面留一个空格）`, 'front-matter-shape', parsed.placeOf([]));
    return undefined;
  }
  const known = Object.keys(context.fieldNames);
  for (const key of Object.keys(parsed.data)) {
    if (known.includes(key)) continue;
    const guess = likelyKey(key, known);
    const hint = guess ? `，是不是要写 ${guess}（${context.fieldNames[guess]}）？` : `；可用的项目有：${known.join('、')}`;
    reportWarning(file, `不认识的项目 ${key}${hint}`, 'unknown-key', parsed.keyPlaceOf(key));
  }
  const result = schema.safeParse(parsed.data);
  if (result.success) return result.data;
  for (const issue of result.error.issues) {
    const key = String(issue.path[0] ?? '');
    const absent = issue.path.length > 0 && valueAt(parsed.data, issue.path) === undefined;
    const reason = absent && issue.path.length === 1 ? `缺少必填项 ${key}\uFF08${context.fieldNames[key] ?? key}\uFF09\uFF1A${issue.message}` : issue.message;
    const rule = absent ? 'missing-field' : ruleOf(issue);
    reportError(file, reason, rule, parsed.placeOf(issue.path));
  }
  return undefined;
}
