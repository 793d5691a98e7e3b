// rehype-raw, run only on a tree that holds raw HTML. It reparses the whole tree through parse5,
// which takes a tenth of the time of rendering an issue; an issue written in Markdown alone (nearly
// all of them) has no raw node, and its tree would come out of parse5 as it went in, but for the
// empty attributes of footnote references (data-footnote-ref, written with ="" after parse5: the
// same HTML). The 1000 generated issues of the benchmark build byte for byte the same either way.
import type { Root } from 'hast';
import rehypeRaw from 'rehype-raw';
import type { VFile } from 'vfile';

const hasRaw = (node: { type: string; children?: unknown[] }): boolean =>
  node.type === 'raw' || (node.children?.some((child) => hasRaw(child as { type: string; children?: unknown[] })) ?? false);

export default function rehypeRawWhenPresent() {
  const reparse = rehypeRaw();
  return (tree: Root, file: VFile): Root => (hasRaw(tree) ? reparse(tree, file) : tree);
}
