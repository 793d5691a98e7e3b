// Sets the bulletin's numbered headings (grammar/headings.ts): a paragraph that is only a
// numbered heading ("一、基本情况") becomes a heading element of its level; a paragraph that opens
// with one ("（一）主要领导率先垂范。各地…") keeps its text, its opening sentence marked as a
// run-in heading. Markdown headings (## …) take their level from the numbering, or from their
// depth when they have none.
import type { Heading, Paragraph, PhrasingContent, Root, Strong } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { headingLevel, isStandaloneHeading, runInHeadingEnd } from '../../grammar/headings.ts';

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

/** Splits the paragraph's opening sentence into a run-in heading span. */
function markRunIn(node: Paragraph, level: number): void {
  const first = node.children[0];
  if (first?.type !== 'text') return;
  const end = runInHeadingEnd(first.value);
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
    if (isStandaloneHeading(text)) return asHeading(node, level);
    markRunIn(node, level);
    return node;
  });
}

export default function remarkBulletinHeadings() {
  return setBulletinHeadings;
}
