// Heading levels of a bulletin, recognised by their numbering as in print:
//   一、 (level 1, 黑体)  (一) (level 2, 楷体)  1. (level 3)  (1) (level 4)
// A short paragraph that is only a numbered heading becomes a heading element;
// a paragraph that opens with one ("（一）主要领导率先垂范。各地…") keeps its text and
// the opening sentence is marked as a run-in heading. Markdown headings (## …)
// take their level from the numbering, or from their depth when they have none.
import type { Heading, Paragraph, PhrasingContent, Root, Strong } from 'mdast';
import { toString } from 'mdast-util-to-string';

const NUMERALS = '一二三四五六七八九十百';
const LEVELS: { level: number; pattern: RegExp }[] = [
  { level: 1, pattern: new RegExp(`^[${NUMERALS}]+、`) },
  { level: 2, pattern: new RegExp(`^[(\uFF08][${NUMERALS}]+[)\uFF09]`) },
  { level: 3, pattern: /^\d{1,2}[.\uFF0E](?!\d)/ },
  { level: 4, pattern: /^[(\uFF08]\d{1,2}[)\uFF09]/ },
];

/** Longest paragraph that may stand alone as a heading. */
const MAX_HEADING_LENGTH = 40;
/** The run-in heading ends at the first full stop within this many characters. */
const MAX_RUN_IN_LENGTH = 60;

export function headingLevel(text: string): number | undefined {
  return LEVELS.find(({ pattern }) => pattern.test(text))?.level;
}

function headingClass(level: number): string {
  return `h-${level}`;
}

/** Level 1 → h3: h1 is the masthead, h2 an article's title. */
function headingTag(level: number): string {
  return `h${Math.min(level + 2, 6)}`;
}

function asHeading(node: Paragraph | Heading, level: number): Heading {
  return {
    type: 'heading',
    depth: Math.min(level + 2, 6) as Heading['depth'],
    children: node.children,
    position: node.position,
    data: { hName: headingTag(level), hProperties: { className: [headingClass(level)] } },
  };
}

function isStandalone(text: string, level: number): boolean {
  if ([...text].length > MAX_HEADING_LENGTH) return false;
  const inner = text.replace(/[。.\uFF0E]$/, '');
  return level === 1 || !/[。;\uFF1B]/.test(inner);
}

/** Splits the paragraph's opening sentence into a run-in heading span. */
function markRunIn(node: Paragraph, level: number): void {
  const first = node.children[0];
  if (first?.type !== 'text') return;
  const stop = first.value.search(/[。!\uFF01?\uFF1F]/);
  const end = stop >= 0 && stop < MAX_RUN_IN_LENGTH ? stop + 1 : (LEVELS[level - 1]!.pattern.exec(first.value)?.[0].length ?? 0);
  const runIn: Strong = {
    type: 'strong',
    children: [{ type: 'text', value: first.value.slice(0, end) }],
    data: { hName: 'span', hProperties: { className: ['run-in', headingClass(level)] } },
  };
  const rest: PhrasingContent[] = end < first.value.length ? [{ type: 'text', value: first.value.slice(end) }] : [];
  node.children = [runIn, ...rest, ...node.children.slice(1)];
}

export function setBulletinHeadings(tree: Root): void {
  tree.children = tree.children.map((node) => {
    if (node.type === 'heading') {
      const level = headingLevel(toString(node)) ?? Math.max(1, node.depth - 1);
      return asHeading(node, level);
    }
    if (node.type !== 'paragraph') return node;
    const text = toString(node);
    const level = headingLevel(text);
    if (level === undefined) return node;
    if (isStandalone(text, level)) return asHeading(node, level);
    markRunIn(node, level);
    return node;
  });
}

export default function remarkBulletinHeadings() {
  return setBulletinHeadings;
}
