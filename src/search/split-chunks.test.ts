// Pagefind's word index cut into small chunks: every word kept, in order, each in one chunk the
// metadata lists; anything not exactly of the format read is left as Pagefind made it.
import { gunzipSync, gzipSync } from 'node:zlib';
import { decode, encode, Tokenizer, Type } from 'cborg';
import { afterAll, describe, expect, it } from 'vitest';
import { WEIGHTS_FILE } from '../model/output.ts';
import { closePagefind, type Documents, type IndexFiles, indexWithPagefind } from './run-pagefind.ts';
import { CHUNK_BYTES, splitChunks } from './split-chunks.ts';

afterAll(closePagefind);

const HAN = '人大代表联系群众工作平台建设情况调研报告危桥重建乡村振兴选举任免法律监督财政预算审查';

/** Articles of many distinct characters, so that Pagefind makes several chunks of them. */
function documents(count: number): Documents {
  return Array.from({ length: count }, (_, n) => {
    const text = Array.from({ length: 400 }, (_, i) => String.fromCodePoint(0x4e00 + ((n * 131 + i * 17) % 2000))).join('\u200B');
    return {
      url: `/2019/${n}/#article-1`,
      content: `<!DOCTYPE html><html lang="zh-CN"><head><title>${n}</title></head><body><p>${HAN}\u200B${text}</p></body></html>`,
    };
  });
}

const valueOf = (content: Uint8Array) => decode(gunzipSync(content).subarray(12)) as unknown[];
const metaOf = (files: IndexFiles) => files.find(([path]) => path.endsWith('.pf_meta'))!;
const chunksOf = (files: IndexFiles) => new Map(files.filter(([path]) => path.startsWith('index/')));
const wordsOf = (files: IndexFiles) =>
  (valueOf(metaOf(files)[1])[2] as string[][]).flatMap(([, , hash]) => valueOf(chunksOf(files).get(`index/${hash}.pf_index`)!)[0] as unknown[][]);

describe('small index chunks', () => {
  it('keep every word and its places, in order, each chunk listed from its first word to its last', async () => {
    const files = await indexWithPagefind('总第1–100期', documents(40));
    // Pagefind's files are what an encoder writes: decoded and encoded again, byte for byte (what
    // reading them token by token, strictly, relies on).
    for (const [, content] of chunksOf(files)) {
      const body = gunzipSync(content).subarray(12);
      expect(Buffer.from(encode(decode(body))).equals(body)).toBe(true);
    }
    const split = splitChunks(files);
    const refs = valueOf(metaOf(split)[1])[2] as [string, string, string][];
    expect(refs.length).toBeGreaterThan((valueOf(metaOf(files)[1])[2] as unknown[]).length * 3);
    expect(wordsOf(split)).toEqual(wordsOf(files));
    for (const [from, to, hash] of refs) {
      const words = valueOf(chunksOf(split).get(`index/${hash}.pf_index`)!)[0] as string[][];
      expect([words[0]![0], words.at(-1)![0]]).toEqual([from, to]);
    }
    // Each small: a chunk of more than CHUNK_BYTES holds one word.
    for (const [, content] of chunksOf(split)) {
      const raw = gunzipSync(content);
      if (raw.length > CHUNK_BYTES + 64) expect((valueOf(content)[0] as unknown[]).length).toBe(1);
    }
    // The entry names the new metadata; the fragments and scripts are as they were.
    const entry = JSON.parse(Buffer.from(split.find(([path]) => path === 'pagefind-entry.json')![1]).toString());
    expect(`pagefind.${entry.languages['zh-cn'].hash}.pf_meta`).toBe(metaOf(split)[0]);
    const others = (list: IndexFiles) => list.filter(([path]) => !/^index\/|^fragment\/|\.pf_meta$|pagefind-entry\.json$/.test(path) && path !== WEIGHTS_FILE);
    expect(others(split)).toEqual(others(files));
    // The pages' texts as they were, in the same order, under short names that differ from part to part.
    const fragmentsOf = (list: IndexFiles) =>
      (valueOf(metaOf(list)[1])[1] as [string][]).map(([name]) => list.find(([path]) => path === `fragment/${name}.pf_fragment`)![1]);
    expect(fragmentsOf(split)).toEqual(fragmentsOf(files));
    const pageNames = (valueOf(metaOf(split)[1])[1] as [string][]).map(([name]) => name);
    expect(pageNames[0]).toMatch(/^zh-cn_[0-9a-f]{8}0$/);
    expect(split.filter(([path]) => path.startsWith('fragment/')).length).toBe(pageNames.length);
    // Each word weighs what a search of it downloads: its chunk, compressed.
    const weights = JSON.parse(Buffer.from(split.find(([path]) => path === WEIGHTS_FILE)![1]).toString());
    for (const [, , hash] of refs) {
      const chunk = chunksOf(split).get(`index/${hash}.pf_index`)!;
      for (const [word] of valueOf(chunk)[0] as string[][]) expect(weights[word!], word).toBe(chunk.length);
    }
    expect(Object.keys(weights).length).toBe(wordsOf(files).length);
  });

  it('names chunks and pages anew when any of the part changes, so that no browser keeps an old one', async () => {
    const names = (files: IndexFiles) => splitChunks(files).flatMap(([path]) => (/^(index|fragment)\//.test(path) ? [path] : []));
    const before = names(await indexWithPagefind('总第1–100期', documents(40)));
    expect(names(await indexWithPagefind('总第1–100期', documents(40)))).toEqual(before);
    const after = names(await indexWithPagefind('总第1–100期', documents(41)));
    expect(after.filter((name) => before.includes(name))).toEqual([]);
  });

  it('leaves a part as Pagefind made it when a file is not exactly of the format read', async () => {
    const files = await indexWithPagefind('总第1–100期', documents(3));
    const [chunkPath, chunk] = [...chunksOf(files)][0]!;
    // A chunk whose CBOR would not encode again to the same bytes: a length written long.
    const raw = gunzipSync(chunk);
    const odd = Buffer.concat([raw.subarray(0, 12), Buffer.from([0x98, 0x01]), raw.subarray(13)]);
    const changed = files.map(([path, content]): [string, Uint8Array] => [path, path === chunkPath ? gzipSync(odd) : content]);
    expect(splitChunks(changed)).toBe(changed);
    // An integer inside a word's places written in more bytes than it needs.
    const body = raw.subarray(12);
    const tokens = new Tokenizer(body);
    let at = -1;
    while (at < 0 && !tokens.done()) {
      const start = tokens.pos();
      const token = tokens.next();
      if (token.type === Type.uint && token.encodedLength === 1 && start > 4) at = start;
    }
    const long = Buffer.concat([raw.subarray(0, 12), body.subarray(0, at), Buffer.from([0x18, body[at]!]), body.subarray(at + 1)]);
    const widened = files.map(([path, content]): [string, Uint8Array] => [path, path === chunkPath ? gzipSync(long) : content]);
    expect(splitChunks(widened)).toBe(widened);
    // A word whose bytes are not UTF-8 (read, it would be a U+FFFD in the metadata's boundaries).
    const words = new Tokenizer(body);
    let wordAt = -1;
    while (wordAt < 0 && !words.done()) {
      const token = words.next();
      if (token.type === Type.string) wordAt = words.pos() - Buffer.byteLength(token.value);
    }
    const garbled = Buffer.concat([raw.subarray(0, 12), body.subarray(0, wordAt), Buffer.from([0xff]), body.subarray(wordAt + 1)]);
    const notUtf8 = files.map(([path, content]): [string, Uint8Array] => [path, path === chunkPath ? gzipSync(garbled) : content]);
    expect(splitChunks(notUtf8)).toBe(notUtf8);
    // Another version of Pagefind.
    const entry = files.find(([path]) => path === 'pagefind-entry.json')!;
    const other = files.map(([path, content]): [string, Uint8Array] => [
      path,
      path === entry[0] ? Buffer.from(Buffer.from(content).toString().replace('"1.6.0"', '"9.9.9"')) : content,
    ]);
    expect(splitChunks(other)).toBe(other);
  });
});
