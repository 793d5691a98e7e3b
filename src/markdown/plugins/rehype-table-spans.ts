// Merged table cells (an imported Word table's rowspan/colspan, kept as an HTML table) pass the
// sanitiser on <td> and <th> only, and only as whole numbers from 1 to 100: a span that is not a
// number is dropped, a larger one is cut to 100, so that a cell cannot stretch a table without end.
import type { Root } from 'hast';
import { MAX_SPAN } from '../../limits.ts';
import { eachElement } from './each-node.ts';

function boundedSpan(value: unknown): number | undefined {
  const number = typeof value === 'number' ? value : typeof value === 'string' && /^\s*\d+\s*$/.test(value) ? Number(value) : Number.NaN;
  if (!Number.isInteger(number) || number < 1) return undefined;
  return Math.min(number, MAX_SPAN);
}

export default function rehypeTableSpans() {
  return (tree: Root) => {
    eachElement(tree, (node) => {
      const cell = node.tagName === 'td' || node.tagName === 'th';
      for (const key of ['rowSpan', 'colSpan'] as const) {
        if (!(key in node.properties)) continue;
        const span = cell ? boundedSpan(node.properties[key]) : undefined;
        if (span === undefined || span === 1) delete node.properties[key];
        else node.properties[key] = span;
      }
    });
  };
}
