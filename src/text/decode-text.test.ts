import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeText } from './decode-text.ts';

const TEXT = '联络动态\n第 9 期\uFF1A（总第五百八十三期）\n';

describe('decodeText', () => {
  it('reads UTF-8 with or without a BOM, and UTF-16 with one, making line ends LF', () => {
    expect(decodeText(Buffer.from(TEXT))).toEqual({ ok: true, text: TEXT, encoding: 'UTF-8', hadBom: false });
    expect(decodeText(Buffer.from(`\uFEFF${TEXT.replace(/\n/g, '\r\n')}`))).toEqual({ ok: true, text: TEXT, encoding: 'UTF-8', hadBom: true });
    expect(decodeText(iconv.encode(TEXT, 'utf-16le', { addBOM: true }))).toMatchObject({ ok: true, text: TEXT, encoding: 'UTF-16' });
    expect(decodeText(iconv.encode(TEXT, 'utf-16be', { addBOM: true }))).toMatchObject({ ok: true, text: TEXT, encoding: 'UTF-16' });
  });

  it('recognises GBK and GB18030 text by its reading as Chinese', () => {
    expect(decodeText(iconv.encode(TEXT, 'gbk'))).toMatchObject({ ok: true, text: TEXT, encoding: 'GB18030' });
    expect(decodeText(iconv.encode('〇二〇年', 'gb18030'))).toMatchObject({ ok: true, encoding: 'GB18030' });
  });

  it('does not guess at other encodings', () => {
    expect(decodeText(iconv.encode('café déjà vu', 'latin1'))).toEqual({ ok: false, unknownEncoding: true });
    expect(decodeText(iconv.encode('聯絡動態，第九期：測試報告', 'big5'))).toEqual({ ok: false, unknownEncoding: true });
  });

  it('names files that are not text by their first bytes', () => {
    expect(decodeText(Buffer.from('PK\u0003\u0004rest'))).toEqual({ ok: false, binary: 'docx' });
    expect(decodeText(Buffer.from('d0cf11e0a1b11ae100', 'hex'))).toEqual({ ok: false, binary: 'doc' });
    expect(decodeText(Buffer.from('%PDF-1.7'))).toEqual({ ok: false, binary: 'pdf' });
    expect(decodeText(Buffer.from([0x41, 0, 0x42]))).toEqual({ ok: false, binary: 'binary' });
  });
});
