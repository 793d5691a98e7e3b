// Han characters and the punctuation of Chinese text, for the regular expressions that treat
// Chinese text apart: one definition. templates/assets/search-core.js runs in the reader's
// browser and keeps a copy of HAN; han.test.ts checks that the two agree on every code point.

/**
 * A Han character, inside a character class of a regular expression with the u flag: Unicode's
 * Script=Han, every block of CJK ideographs (extensions B and on too, where rare characters of
 * people's and places' names are), compatibility ideographs, radicals, and 〇 々.
 */
export const HAN = '\\p{Script=Han}';

/**
 * The punctuation of Chinese text, inside a character class: CJK symbols and punctuation
 * (、。〈〉「」【】 and the ideographic space), full-width forms (，：；！？（）) and the curly double quotes.
 */
export const CHINESE_PUNCTUATION = '\\u3000-\\u303f\\uff00-\\uffef\\u201c\\u201d';
