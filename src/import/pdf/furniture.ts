// Page furniture of a printed issue, which is not its text: page numbers ("— 3 —", "第 3 页",
// "3/8") at the top or foot of a page, and running heads or feet that repeat from page to page.
import { compact } from '../text-tools.ts';
import type { Line } from './lines.ts';

const PAGE_NUMBER = /^(?:[-—–－―]*\d{1,3}[-—–－―]*|第\d{1,3}页(?:共\d{1,3}页)?|\d{1,3}\/\d{1,3})$/;

const isPageNumber = (text: string) => PAGE_NUMBER.test(compact(text));

/** A running head's text with its numbers left out: "联络动态 第 9 期" on every page is one head. */
const headKey = (line: Line) => compact(line.text).replace(/\d+/g, '#');

/** Lines at the page's edges: a page number or a running head stands first or last. */
function edges(lines: readonly Line[]): Line[] {
  return lines.length <= 1 ? [...lines] : [lines[0]!, lines.at(-1)!];
}

/**
 * The pages' lines without their furniture, and the pages where some was dropped (a page
 * number each, a running head once per page it stands on).
 */
export function dropFurniture(pages: readonly Line[][]): { pages: Line[][]; dropped: number[] } {
  const dropped: number[] = [];
  const numbered = pages.map((lines) => {
    const kept = lines.filter((line) => !(edges(lines).includes(line) && isPageNumber(line.text)));
    if (kept.length < lines.length) dropped.push(lines[0]!.page);
    return kept;
  });
  // A head or foot repeats on at least two pages, and on at least half the pages after the first.
  const counts = new Map<string, number>();
  for (const lines of numbered.slice(1)) for (const key of new Set(edges(lines).map(headKey))) counts.set(key, (counts.get(key) ?? 0) + 1);
  const repeated = new Set([...counts].filter(([, n]) => n >= 2 && n * 2 >= numbered.length - 1).map(([key]) => key));
  const kept = numbered.map((lines) => {
    const furniture = edges(lines).filter((line) => repeated.has(headKey(line)));
    if (furniture.length > 0) dropped.push(lines[0]!.page);
    return lines.filter((line) => !furniture.includes(line));
  });
  return { pages: kept, dropped: [...new Set(dropped)].sort((a, b) => a - b) };
}
