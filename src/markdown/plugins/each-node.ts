// The walk the plugins share: every node of a tree, each before its children, in the order of the
// document. The plugins change nodes' values and properties, never which nodes there are, so the
// walk needs none of unist-util-visit's machinery (a visitor's answer to skip, stop or go on at
// another index). That machinery names a function after each node it visits, for stack traces:
// at 1000 issues, a third of the time the plugins took was spent walking, not working.
import type { Element, Root as HastRoot } from 'hast';
import type { Root as MdastRoot, Text as MdastText } from 'mdast';
import type { Node, Parent } from 'unist';

function walk(node: Node, visitor: (node: Node) => void): void {
  visitor(node);
  const { children } = node as Partial<Parent>;
  if (children) for (const child of children) walk(child, visitor);
}

/** Every node of an HTML tree: elements, text, comments, the root. */
export function eachNode(tree: HastRoot, visitor: (node: HastRoot | HastRoot['children'][number] | Element['children'][number]) => void): void {
  walk(tree, visitor as (node: Node) => void);
}

/** Every element of an HTML tree. */
export function eachElement(tree: HastRoot, visitor: (element: Element) => void): void {
  walk(tree, (node) => {
    if (node.type === 'element') visitor(node as Element);
  });
}

/** Every text node of a Markdown tree. */
export function eachText(tree: MdastRoot, visitor: (text: MdastText) => void): void {
  walk(tree, (node) => {
    if (node.type === 'text') visitor(node as MdastText);
  });
}
