// Plain text, as extracted from a printed issue → blocks: one block a non-empty line,
// with its line number. Joining lines broken by the printed page is left to recognise.ts,
// which knows what may and may not continue a sentence.
import { type Block, paragraphBlock } from './blocks.ts';

/** Spaces at either end, including the full-width ones of indentation. */
const EDGE_SPACE = /^[\s\u3000]+|[\s\u3000]+$/g;

export function textToBlocks(text: string): Block[] {
  const blocks: Block[] = [];
  let afterBreak = false;
  text.split('\n').forEach((full, index) => {
    // A form feed ends a printed page: the line after it stands first on the next one.
    full.split('\f').forEach((raw, part) => {
      if (part > 0) afterBreak = true;
      const line = raw.replace(EDGE_SPACE, '');
      if (line === '') return;
      const block = paragraphBlock(line, index + 1);
      if (afterBreak) block.afterBreak = true;
      afterBreak = false;
      // An indented line opens a paragraph: nothing before it may be joined onto it.
      if (/^(\u3000|\s{2,})/.test(raw)) block.indented = true;
      blocks.push(block);
    });
  });
  return blocks;
}
