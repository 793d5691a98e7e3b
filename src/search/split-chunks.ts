// Smaller index chunks, so that a reader's search downloads little. Pagefind cuts a part's word
// index into chunks of about 25 KB (its chunk size is fixed in its source), and a search loads
// the chunk of each word it looks up: with Chinese indexed a character a word, a query of four
// characters loaded four chunks a part, mostly other characters' positions. Here each chunk is
// cut again into chunks of about CHUNK_BYTES, each holding whole words, and the part's metadata
// lists them in the same word order (Pagefind finds a word's chunk by the words it runs from and
// to, pagefind_web's request_indexes). Chunks and pages' texts (fragments) get short names, which
// the metadata every search loads lists; and each word's chunk weight is kept for parts.json.
//
// Pagefind's files are not a public format: gzip, the signature "pagefind_dcd", then CBOR (minicbor's
// arrays: the metadata [version, pages, index chunks [from, to, hash], …], a chunk [[word entry,
// …], …] whose entries begin with the word). So the version is pinned (PAGEFIND_FORMAT), and every
// file is checked before anything is changed: the metadata decodes and encodes again byte for byte,
// a chunk is made of strict tokens of the kinds expected and its pieces make it up byte for byte. A
// part whose files are not so is left exactly as Pagefind made it.
import { createHash } from 'node:crypto';
import { gunzipSync, gzipSync } from 'node:zlib';
import { decode, encode, Tokenizer, Type } from 'cborg';
import { WEIGHTS_FILE } from '../model/output.ts';
import type { IndexFiles } from './run-pagefind.ts';

/** The Pagefind version whose files this reads; another leaves its parts as they are. */
export const PAGEFIND_FORMAT = '1.6.0';

/** About the size of a chunk, as CBOR before compression (about 1–2 KB compressed). */
export const CHUNK_BYTES = 4096;

const SIGNATURE = Buffer.from('pagefind_dcd');
const ENTRY = 'pagefind-entry.json';

type Cbor = unknown[];
type ChunkRef = [from: string, to: string, hash: string];

/** A file's CBOR, when it is Pagefind's: gzip, the signature, then CBOR. */
function bodyOf(content: Uint8Array): Buffer | undefined {
  try {
    const raw = gunzipSync(content);
    return raw.subarray(0, SIGNATURE.length).equals(SIGNATURE) ? raw.subarray(SIGNATURE.length) : undefined;
  } catch {
    return undefined;
  }
}

/** A file's value; only one that encodes again to the same bytes is understood well enough to be rewritten. */
function unpackFile(content: Uint8Array): Cbor | undefined {
  const body = bodyOf(content);
  try {
    const value = body && decode(body);
    return Array.isArray(value) && Buffer.from(encode(value)).equals(body!) ? value : undefined;
  } catch {
    return undefined;
  }
}

/** The head of a CBOR array of n items (major type 4), as minicbor and cborg write it. */
function arrayHead(n: number): Buffer {
  if (n < 24) return Buffer.from([0x80 | n]);
  if (n < 0x100) return Buffer.from([0x98, n]);
  if (n < 0x10000) return Buffer.from([0x99, n >> 8, n & 0xff]);
  const head = Buffer.alloc(5);
  head[0] = 0x9a;
  head.writeUInt32BE(n, 1);
  return head;
}

/** Tokens read as minicbor writes them: an integer or a length in more bytes than needed is refused. */
const STRICT = { strict: true };

/** Reads past one item of a chunk: arrays of integers, text and arrays; anything else is refused. */
function skipItem(tokens: Tokenizer): void {
  const token = tokens.next();
  if (token.type === Type.array && Number.isSafeInteger(token.value)) {
    for (let i = 0; i < token.value; i++) skipItem(tokens);
  } else if (token.type !== Type.uint && token.type !== Type.negint && token.type !== Type.string) {
    throw new Error(`not of a word chunk: ${token.type.name}`);
  }
}

/**
 * A word chunk as its words' encodings, each beginning with its word, once checked to make up the
 * file byte for byte. The chunk is read token by token (cborg's tokenizer, strict) and each word's
 * bytes are taken as they are: decoding the chunk and encoding each word again cost two to three
 * times as much (0.65–1.2 s for a part of 250 issues, against 0.26–0.42 s, on the same busy
 * machine), and strict tokens are those an encoder writes, so the file is made again byte for byte.
 */
function chunkPieces(content: Uint8Array): { words: { word: string; bytes: Uint8Array }[]; rest: Uint8Array[] } | undefined {
  const body = bodyOf(content);
  if (!body) return undefined;
  try {
    const tokens = new Tokenizer(body, STRICT);
    const chunk = tokens.next();
    const list = tokens.next();
    if (chunk.type !== Type.array || list.type !== Type.array || chunk.value < 1 || list.value < 1) return undefined;
    const words: { word: string; bytes: Uint8Array }[] = [];
    for (let i = 0; i < list.value; i++) {
      const start = tokens.pos();
      const entry = tokens.next();
      const word = tokens.next();
      if (entry.type !== Type.array || entry.value < 1 || word.type !== Type.string) return undefined;
      // A word whose bytes are not UTF-8 would be read with U+FFFD in it: its bytes must be its text's.
      const text = Buffer.from(word.value);
      if (!body.subarray(tokens.pos() - text.length, tokens.pos()).equals(text)) return undefined;
      if (i > 0 && !(words[i - 1]!.word < word.value)) return undefined;
      for (let j = 1; j < entry.value; j++) skipItem(tokens);
      words.push({ word: word.value, bytes: body.subarray(start, tokens.pos()) });
    }
    const rest: Uint8Array[] = [];
    for (let i = 1; i < chunk.value; i++) {
      const start = tokens.pos();
      skipItem(tokens);
      rest.push(body.subarray(start, tokens.pos()));
    }
    // Nothing after the pieces, and heads written as arrayHead writes them.
    const again = Buffer.concat([arrayHead(chunk.value), arrayHead(words.length), ...words.map((w) => w.bytes), ...rest]);
    return again.equals(body) ? { words, rest } : undefined;
  } catch {
    return undefined;
  }
}

const packFile = (value: Cbor): Buffer => gzipSync(Buffer.concat([SIGNATURE, encode(value)]));

const shortHash = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex').slice(0, 12);

const isChunkRef = (v: unknown): v is ChunkRef => Array.isArray(v) && v.length === 3 && v.every((s) => typeof s === 'string');
/** A page in the metadata: its fragment's name, then what Pagefind keeps of it (its word count, …). */
const isPageRef = (v: unknown): v is [string, ...unknown[]] => Array.isArray(v) && v.length > 0 && typeof v[0] === 'string';

/**
 * Names for a part's files of one kind (its chunks, its pages' texts): a hash of all of them, then
 * each one's place (zh-cn_1a2b3c4d1f). As short to download in the metadata as they can be (a hash
 * each was two thirds of it), and still new whenever any of them changes, so that a browser never
 * takes an old one from its cache.
 */
function namesInPlace(language: string, contents: Uint8Array[]): string[] {
  const hash = createHash('sha256');
  for (const content of contents) hash.update(content);
  const prefix = `${language}_${hash.digest('hex').slice(0, 8)}`;
  return contents.map((_, i) => `${prefix}${i.toString(36)}`);
}

/** Whole words, in order, in groups of about CHUNK_BYTES. */
function groupWords<T extends { bytes: Uint8Array }>(words: T[]): T[][] {
  const groups: T[][] = [];
  let group: T[] = [];
  let size = 0;
  for (const word of words) {
    if (group.length > 0 && size + word.bytes.length > CHUNK_BYTES) {
      groups.push(group);
      group = [];
      size = 0;
    }
    group.push(word);
    size += word.bytes.length;
  }
  if (group.length > 0) groups.push(group);
  return groups;
}

/**
 * A part's files with its word index in small chunks, or the files as they were when they are not
 * of the format this reads. files: the part's files as Pagefind wrote them (paths inside the bundle).
 */
export function splitChunks(files: IndexFiles): IndexFiles {
  const byPath = new Map(files);
  const entryText = byPath.get(ENTRY);
  let entry: { version?: string; languages?: Record<string, { hash?: string }> };
  try {
    entry = JSON.parse(Buffer.from(entryText ?? '').toString('utf8'));
  } catch {
    return files;
  }
  const languages = Object.entries(entry.languages ?? {});
  if (entry.version !== PAGEFIND_FORMAT || languages.length !== 1) return files;
  const [language, { hash: metaHash }] = languages[0]!;
  const metaPath = `pagefind.${metaHash}.pf_meta`;
  const meta = byPath.has(metaPath) ? unpackFile(byPath.get(metaPath)!) : undefined;
  const refs = meta?.[2];
  if (!meta || !Array.isArray(refs) || !refs.every(isChunkRef)) return files;
  const pages = meta[1];
  if (!Array.isArray(pages) || !pages.every(isPageRef) || !pages.every(([name]) => byPath.has(`fragment/${name}.pf_fragment`))) return files;

  const dropped = new Set<string>([metaPath]);
  const chunks: { from: string; to: string; packed: Buffer }[] = [];
  const weights: Record<string, number> = Object.create(null);
  for (const [, , hash] of refs) {
    const chunkPath = `index/${hash}.pf_index`;
    const pieces = byPath.has(chunkPath) ? chunkPieces(byPath.get(chunkPath)!) : undefined;
    if (!pieces) return files;
    dropped.add(chunkPath);
    for (const group of groupWords(pieces.words)) {
      const body = Buffer.concat([SIGNATURE, arrayHead(1 + pieces.rest.length), arrayHead(group.length), ...group.map((w) => w.bytes), ...pieces.rest]);
      const packed = gzipSync(body);
      chunks.push({ from: group[0]!.word, to: group.at(-1)!.word, packed });
      for (const { word } of group) weights[word] = packed.length;
    }
  }
  const chunkNames = namesInPlace(
    language,
    chunks.map(({ packed }) => packed),
  );
  const added: IndexFiles = chunks.map(({ packed }, i) => [`index/${chunkNames[i]}.pf_index`, packed]);
  const newRefs: ChunkRef[] = chunks.map(({ from, to }, i) => [from, to, chunkNames[i]!]);
  // The pages' texts (fragments) named the same way: a hash each was 3.4 of a part's 8.7 KB of
  // metadata (250 issues), and a search of every year loads every part's.
  const fragments = pages.map(([name]) => `fragment/${name}.pf_fragment`);
  const texts = fragments.map((fragment) => byPath.get(fragment)!);
  const fragmentNames = namesInPlace(language, texts);
  fragments.forEach((fragment, i) => {
    dropped.add(fragment);
    added.push([`fragment/${fragmentNames[i]}.pf_fragment`, texts[i]!]);
  });
  const newPages = pages.map(([, ...rest], i) => [fragmentNames[i], ...rest]);
  const newMeta = packFile([meta[0], newPages, newRefs, ...meta.slice(3)]);
  const newMetaHash = `${language}_${shortHash(newMeta)}`;
  added.push([`pagefind.${newMetaHash}.pf_meta`, newMeta], [WEIGHTS_FILE, Buffer.from(JSON.stringify(weights))]);
  const newEntry = { ...entry, languages: { [language]: { ...entry.languages![language], hash: newMetaHash } } };
  return [
    ...files
      .filter(([path]) => !dropped.has(path))
      .map(([path, content]): [string, Uint8Array] => [path, path === ENTRY ? Buffer.from(JSON.stringify(newEntry)) : content]),
    ...added,
  ];
}
