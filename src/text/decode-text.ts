// Bytes of a text file → its text, as an editor's machine may have saved it: UTF-8 with or
// without a BOM, UTF-16 with a BOM (Windows Notepad's "Unicode"), or GBK/GB18030 (older Windows
// editors). Files that are not text at all are named by what they are (a Word document, a PDF).
import iconv from 'iconv-lite';
import { CHINESE_PUNCTUATION, HAN } from './han.ts';

export type TextEncodingName = 'UTF-8' | 'UTF-16' | 'GB18030';

/** What a file that is not text really is, from its first bytes. */
export type BinaryKind = 'docx' | 'doc' | 'pdf' | 'binary';

export type Decoded =
  | { ok: true; text: string; encoding: TextEncodingName; hadBom: boolean }
  | { ok: false; binary: BinaryKind }
  | { ok: false; binary?: undefined; unknownEncoding: true };

const startsWith = (bytes: Uint8Array, ...prefix: number[]) => prefix.every((b, i) => bytes[i] === b);

export function binaryKind(bytes: Uint8Array): BinaryKind | undefined {
  if (startsWith(bytes, 0x50, 0x4b, 0x03, 0x04)) return 'docx';
  if (startsWith(bytes, 0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1)) return 'doc';
  if (startsWith(bytes, 0x25, 0x50, 0x44, 0x46)) return 'pdf';
  if (bytes.subarray(0, 8000).includes(0)) return 'binary';
  return undefined;
}

/** Starts with a byte order mark: text, whatever bytes follow (UTF-16 is full of zero bytes). */
export const hasTextBom = (bytes: Uint8Array) => startsWith(bytes, 0xef, 0xbb, 0xbf) || startsWith(bytes, 0xff, 0xfe) || startsWith(bytes, 0xfe, 0xff);

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Han characters and the punctuation of Chinese text, with the dashes, ellipsis and middle dot of GBK: what GBK text decodes to. */
const CHINESE = new RegExp(`[${HAN}${CHINESE_PUNCTUATION}\\u2010-\\u206f\\u00b7]`, 'u');

/** True when text decoded as GB18030 reads as Chinese: nothing undecodable, and its non-ASCII characters Chinese. */
function readsAsChinese(text: string): boolean {
  const nonAscii = [...text].filter((c) => c.charCodeAt(0) > 0x7f);
  if (nonAscii.length === 0 || text.includes('\uFFFD')) return false;
  return nonAscii.filter((c) => CHINESE.test(c)).length / nonAscii.length >= 0.9;
}

/** Makes line ends LF, whichever the editor's machine wrote. */
export function normaliseLineEnds(text: string): string {
  return text.replace(/\r\n?/g, '\n');
}

export function decodeText(bytes: Uint8Array): Decoded {
  if (startsWith(bytes, 0xef, 0xbb, 0xbf)) {
    try {
      return { ok: true, text: normaliseLineEnds(utf8.decode(bytes.subarray(3))), encoding: 'UTF-8', hadBom: true };
    } catch {
      return { ok: false, unknownEncoding: true };
    }
  }
  if (startsWith(bytes, 0xff, 0xfe) || startsWith(bytes, 0xfe, 0xff)) {
    const text = new TextDecoder(bytes[0] === 0xff ? 'utf-16le' : 'utf-16be').decode(bytes.subarray(2));
    return { ok: true, text: normaliseLineEnds(text), encoding: 'UTF-16', hadBom: true };
  }
  const binary = binaryKind(bytes);
  if (binary) return { ok: false, binary };
  try {
    return { ok: true, text: normaliseLineEnds(utf8.decode(bytes)), encoding: 'UTF-8', hadBom: false };
  } catch {
    const text = iconv.decode(Buffer.from(bytes), 'gb18030');
    if (readsAsChinese(text)) return { ok: true, text: normaliseLineEnds(text), encoding: 'GB18030', hadBom: false };
    return { ok: false, unknownEncoding: true };
  }
}
