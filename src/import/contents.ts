// A table of contents is no issue: most of its lines end in a page number, often after leaders
// ("关于代表建议办理工作的调研报告……3").
import type { Block } from './blocks.ts';

const ENDS_IN_PAGE_NUMBER = /(?:[.…·．—-]{2,}|[\s\u3000]{2,}|[\s\u3000][.…·．]+)[\s\u3000]*\d{1,3}$/;
const MIN_LINES = 5;
const SHARE = 0.4;

export function looksLikeContents(blocks: readonly Block[]): boolean {
  const lines = blocks.filter((b) => b.kind !== 'table');
  if (lines.length < MIN_LINES) return false;
  return lines.filter((b) => ENDS_IN_PAGE_NUMBER.test(b.text.trim())).length >= SHARE * lines.length;
}
