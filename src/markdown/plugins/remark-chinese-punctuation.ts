// Sets punctuation as the print does: half-width , : ; ! ? and ( ) beside Chinese text become
// full-width, and so do the brackets of a numbered item among Chinese text: 。(1)建立 → 。（1）建立.
// Text extracted from print, and text typed on an English keyboard, mix the two.
import type { Root } from 'mdast';
import { CHINESE_PUNCTUATION, HAN } from '../../text/han.ts';
import { eachText } from './each-node.ts';

/** Chinese text: Han characters and their punctuation. */
const CHINESE = `${HAN}${CHINESE_PUNCTUATION}`;
const FULL: Record<string, string> = { ',': '\uFF0C', ':': '\uFF1A', ';': '\uFF1B', '!': '\uFF01', '?': '\uFF1F' };
const AFTER_HAN = new RegExp(`(?<=[${CHINESE}])[,:;!?]`, 'gu');
const BEFORE_HAN = new RegExp(`[,;](?=[${CHINESE}])`, 'gu');
const HAN_IN_PARENS = new RegExp(`\\(([^()]*[${CHINESE}][^()]*)\\)`, 'gu');
const NUMBER_BESIDE_HAN = new RegExp(`(?<=^|[${CHINESE}])\\((\\d{1,2})\\)(?=[${HAN}])`, 'gu');

/** What every rule below begins or ends with: a text without any is left as it is, unscanned. */
const HALF_WIDTH = /[,:;!?()]/;

export function setChinesePunctuation(text: string): string {
  if (!HALF_WIDTH.test(text)) return text;
  return text
    .replace(HAN_IN_PARENS, '\uFF08$1\uFF09')
    .replace(NUMBER_BESIDE_HAN, '\uFF08$1\uFF09')
    .replace(AFTER_HAN, (mark) => FULL[mark]!)
    .replace(BEFORE_HAN, (mark) => FULL[mark]!);
}

export default function remarkChinesePunctuation() {
  return (tree: Root) => {
    eachText(tree, (node) => {
      node.value = setChinesePunctuation(node.value);
    });
  };
}
