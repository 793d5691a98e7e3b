// remark-gfm makes links of bare addresses (www.npc.gov.cn, https://…, dbc@hnrd.gov.cn) by searching
// every text of the tree with four patterns once it is parsed: at 1000 issues, a tenth of the
// parsing (0.1 s a thread), for bulletins that seldom hold an address. Here its search runs only
// when some text holds what one of its patterns needs ("http://", "https://", "www." or "@", in any
// case): without, it could find nothing, and the tree is the same (tested).
import type { Root } from 'mdast';
import { gfmAutolinkLiteralFromMarkdown } from 'mdast-util-gfm-autolink-literal';
import type { Processor } from 'unified';
import { eachText } from './each-node.ts';

/** remark-gfm's search, the same function (the same module: one copy of the package is installed). */
const search = gfmAutolinkLiteralFromMarkdown().transforms?.[0];

/** What each of its patterns needs in a text. */
const NEEDED = /https?:\/\/|www\.|@/i;

function mayHoldAddresses(tree: Root): boolean {
  let found = false;
  eachText(tree, (node) => {
    found ||= NEEDED.test(node.value);
  });
  return found;
}

type Extension = { transforms?: ((tree: Root) => unknown)[] };

/** After remark-gfm: its search, asked for only when a text may hold an address. */
export default function remarkAutolinksWhenPresent(this: Processor) {
  const data = this.data();
  const guard = (extension: Extension): Extension =>
    search && extension.transforms?.includes(search)
      ? { ...extension, transforms: extension.transforms.map((t) => (t === search ? (tree: Root) => (mayHoldAddresses(tree) ? search(tree) : undefined) : t)) }
      : extension;
  data.fromMarkdownExtensions = (data.fromMarkdownExtensions ?? []).map((group) =>
    Array.isArray(group) ? group.map((extension) => guard(extension as Extension)) : guard(group as Extension),
  ) as typeof data.fromMarkdownExtensions;
}
