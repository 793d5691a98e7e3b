// The 版记 at the end of a past issue: 送: with one recipient group a line, 责任编辑,
// 联系方式 and 批准文号, one or more to a line ("责任编辑:石 韧 吴静波 联系方式:…").

import { IMPORT_NOTES } from '../messages/import.ts';
import type { Site } from '../model/site.ts';
import type { Block } from './blocks.ts';
import { compact, type Note } from './text-tools.ts';

export interface EndMatter {
  distribution: string[];
  editors?: string[];
  contact?: string;
  /** Where the 版记 starts; the body ends there. */
  start: number;
}

const LABEL = /(?:^|[\s\u3000])(抄\s*送|送|报|发|责任编辑|联系方式|联系电话|批准文号)[\s\u3000]*[:\uFF1A]/g;
const OPENS_DISTRIBUTION = /^(抄\s*送|送)[\s\u3000]*[:\uFF1A]/;
const OPENS_OTHER = /^(责任编辑|联系方式|批准文号)[\s\u3000]*[:\uFF1A]/;
/** The 版记 is near the end: it is looked for among the last blocks only. */
const SEARCH_FROM_END = 30;

/** Where the 版记 starts: its 送: line, or its first 责任编辑/联系方式/批准文号 line when it has none. */
export function findEndMatter(blocks: readonly Block[], from: number): number {
  const first = Math.max(from, blocks.length - SEARCH_FROM_END);
  for (const opens of [OPENS_DISTRIBUTION, OPENS_OTHER]) {
    for (let i = first; i < blocks.length; i++) if (opens.test(blocks[i]!.text.trim())) return i;
  }
  return blocks.length;
}

/** "石 韧 吴静波" → 石韧, 吴静波: in print a two-character name is spaced to the width of three. */
export function readNames(text: string): string[] {
  const tokens = text.split(/[\s\u3000、，,]+/).filter(Boolean);
  const names: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const [token, next] = [tokens[i]!, tokens[i + 1]];
    if ([...token].length === 1 && next !== undefined && [...next].length === 1) {
      names.push(token + next);
      i++;
    } else {
      names.push(token);
    }
  }
  return names;
}

/** A line cut where its labels start: [label, value] pairs, the first with no label when the line continues one. */
function segments(text: string): [string | undefined, string][] {
  const found = [...text.matchAll(LABEL)];
  const cuts: [string | undefined, string][] = [];
  const head = text.slice(0, found[0]?.index ?? text.length).trim();
  if (head) cuts.push([undefined, head]);
  found.forEach((m, i) => {
    const valueStart = m.index + m[0].length;
    cuts.push([compact(m[1]!), text.slice(valueStart, found[i + 1]?.index ?? text.length).trim()]);
  });
  return cuts;
}

export function readEndMatter(blocks: readonly Block[], start: number, site: Site, warnings: Note[]): EndMatter {
  const end: EndMatter = { distribution: [], start };
  let current: string | undefined;
  for (const block of blocks.slice(start)) {
    // Only 送 goes on over lines, one recipient group a line.
    if (current !== '送' && current !== '抄送') current = undefined;
    for (const [label, value] of segments(block.text)) {
      current = label ?? current;
      const warn = (message: string) => warnings.push({ line: block.line, message });
      if (!value) continue;
      switch (current) {
        case '送':
        case '抄送':
          end.distribution.push(value.replace(/[\s\u3000]+/g, ' '));
          break;
        case '责任编辑':
          end.editors = readNames(value);
          break;
        case '联系方式':
        case '联系电话':
          if (compact(value) !== compact(site.contact)) end.contact = value.replace(/[\s\u3000]+/g, ' ');
          break;
        case '批准文号':
          if (compact(value) !== compact(site.approval)) {
            warn(IMPORT_NOTES.otherApproval(value, site.approval));
          }
          break;
        case undefined:
          warn(IMPORT_NOTES.unknownEndMatter(value));
          break;
        default:
          warn(IMPORT_NOTES.unknownEndMatterLabel(current, value));
      }
    }
  }
  return end;
}
