// Plain text, as extracted from a printed issue → blocks: one block a non-empty line,
// with its line number. Joining lines broken by the printed page is left to recognise.ts,
// which knows what may and may not continue a sentence.
import { type Block, paragraphBlock } from './blocks.ts';

/** Spaces at either end, including the full-width ones of indentation. */
const EDGE_SPACE = /^[\s\u3000]+|[\s\u3000]+$/g;

export function textToBlocks(text: string): Block[] {
  const blocks: Block[] = [];
  text
    .replace(/\f/g, '\n')
    .split('\n')
    .forEach((raw, index) => {
      const line = raw.replace(EDGE_SPACE, '');
      if (line === '') return;
      const block = paragraphBlock(line, index + 1);
      // An indented line opens a paragraph: nothing before it may be joined onto it.
      if (/^(\u3000|\s{2,})/.test(raw)) block.indented = true;
      blocks.push(block);
    });
  return blocks;
}
