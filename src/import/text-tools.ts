// Small readings of printed text shared by the importer's recognisers.

import { CHINESE_PUNCTUATION, HAN } from '../text/han.ts';

export interface Note {
  /** Line of a text file, or paragraph of a Word document. */
  line: number;
  message: string;
}

export { compact, readDate } from '../text/chinese.ts';

const SPACE_IN_CHINESE = new RegExp(`(?<=[${HAN}${CHINESE_PUNCTUATION}])\\s+(?=[${HAN}${CHINESE_PUNCTUATION}])`, 'gu');

/** Spaces the print layout left inside Chinese text (a title broken over lines) go; others stay. */
export const closeUpHan = (text: string) => text.replace(SPACE_IN_CHINESE, '');

/** Ends a sentence: a full stop, question, exclamation, semicolon or colon, maybe inside closing quotes or brackets. */
export function endsSentence(text: string): boolean {
  return /[。！？!?；;：:…](?:[”’」』)）\]】]*)$/.test(text.trim());
}

export const length = (text: string) => [...text].length;
