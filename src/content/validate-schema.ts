// Checks parsed YAML against a zod schema and reports every problem at its line:
// missing fields, wrong types, and unknown keys (a warning naming the likely intended key).
import { closest, distance } from 'fastest-levenshtein';
import type { VFile } from 'vfile';
import type { z } from 'zod';
import { COLON_IN_ITEM, COMMENT_AS_VALUE, READING } from '../messages/reading.ts';
import { type Point, report, reportError } from '../messages.ts';
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

/** A value after "key: " or "- " that YAML read as a comment: "#专刊" and the rest of the line. */
const COMMENT_START = /^#.*$/;

/** An item's text up to a ": " that YAML read as a key, and the rest. */
const ITEM_WITH_COLON = /^([^:#]*?):[ \t]+(.*)$/;

/**
 * A value of the wrong kind because of how YAML reads a line as typed (a value after # read as a
 * comment, an item holding ": " read as a key and its value): reported with the line as it should
 * be written, as COLON_IN_VALUE is (parse-yaml.ts). false when the value is not one of these.
 */
function reportYamlSlip(file: VFile, value: unknown, path: readonly PropertyKey[], place: Point, context: SchemaContext): boolean {
  const line = String(file.value).split('\n')[place.line - 1];
  if (line === undefined) return false;
  const before = line.slice(0, place.column - 1);
  const at = line.slice(place.column - 1).trimEnd();
  if (value === null && COMMENT_START.test(at)) {
    report(file, COMMENT_AS_VALUE, { line: `${before}${JSON.stringify(at)}`.trim() }, place);
    return true;
  }
  const item = ITEM_WITH_COLON.exec(at);
  const isItem = typeof path.at(-1) === 'number';
  if (isItem && item && typeof value === 'object' && value !== null && !Array.isArray(value) && Object.keys(value).length === 1) {
    const key = String(path[0]);
    const field = `${context.fieldNames[key] ?? key} ${key}`;
    report(file, COLON_IN_ITEM, { line: `${before}${item[1]}\uFF1A${item[2]}`.trim(), field }, place);
    return true;
  }
  return false;
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
    if (!absent && reportYamlSlip(file, valueAt(parsed.data, issue.path), issue.path, place, context)) continue;
    if (absent && issue.path.length === 1) report(file, READING.missingField, { key, name: context.fieldNames[key] ?? key, what: issue.message }, place);
    else reportError(file, issue.message, absent ? 'missing-field' : ruleOf(issue), place);
  }
  return undefined;
}
