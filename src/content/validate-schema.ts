// Checks parsed YAML against a zod schema and reports every problem at its line:
// missing fields, wrong types, and unknown keys (a warning naming the likely intended key).
import { closest, distance } from 'fastest-levenshtein';
import type { VFile } from 'vfile';
import type { z } from 'zod';
import { READING } from '../messages/reading.ts';
import { report, reportError } from '../messages.ts';
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
    report(file, READING.notKeyValue, { where: context.where }, parsed.placeOf([]));
    return undefined;
  }
  const known = Object.keys(context.fieldNames);
  for (const key of Object.keys(parsed.data)) {
    if (known.includes(key)) continue;
    const guess = likelyKey(key, known);
    report(file, READING.unknownKey, { key, guess, guessName: guess && context.fieldNames[guess], known }, parsed.keyPlaceOf(key));
  }
  const result = schema.safeParse(parsed.data);
  if (result.success) return result.data;
  for (const issue of result.error.issues) {
    const key = String(issue.path[0] ?? '');
    const absent = issue.path.length > 0 && valueAt(parsed.data, issue.path) === undefined;
    const place = parsed.placeOf(issue.path);
    if (absent && issue.path.length === 1) report(file, READING.missingField, { key, name: context.fieldNames[key] ?? key, what: issue.message }, place);
    else reportError(file, issue.message, absent ? 'missing-field' : ruleOf(issue), place);
  }
  return undefined;
}
