// Every asset is linked with its version (assets/style.css?v=…), so that a host may keep assets/
// in its cache for long: a changed file gets a new address. A module script's imports of other
// assets, static or `import('./x.js')`, are versioned the same way, so that a browser never runs a
// new search.js with an old search-core.js kept under the same address. A script's version is a
// hash of its own bytes and of every script it imports, however deep: a change anywhere below it
// changes its address, and the scripts of an import cycle share one version, so each is loaded once,
// under one address. The imports are found by es-module-lexer (Vite's), never by a pattern that a
// comment or a string could fool. A stylesheet's url() and @import are not versioned: the
// stylesheets of templates/assets/ refer to no other file (asset-versions.test.ts checks).
import { createHash } from 'node:crypto';
import path from 'node:path';
import { init, parse } from 'es-module-lexer';
import type { SiteOutput } from '../model/output.ts';

/** The version in an asset's address: the start of a hash of what it is made of. */
export const versionOf = (...contents: (string | Uint8Array)[]): string => {
  const hash = createHash('sha256');
  for (const content of contents) hash.update(content);
  return hash.digest('hex').slice(0, 10);
};

const isModule = (file: string) => /\.m?js$/.test(file);

const textOf = (content: string | Uint8Array) => (typeof content === 'string' ? content : Buffer.from(content).toString('utf8'));

/** An import of another asset: the asset, and where in the script its address ends (before a closing quote). */
interface AssetImport {
  target: string;
  end: number;
}

/** The output path an import names, when it is a relative one to another asset, without a query. */
function importedAsset(assets: SiteOutput, importer: string, specifier: string | undefined): string | undefined {
  if (!specifier || !/^\.\.?\//.test(specifier) || /[?#]/.test(specifier)) return undefined;
  const target = path.posix.join(path.posix.dirname(importer), specifier);
  return assets.has(target) ? target : undefined;
}

/** A script's imports of other assets: static ones, and import() of a string. */
function importsOf(assets: SiteOutput, file: string, text: string): AssetImport[] {
  let imports: ReturnType<typeof parse>[0];
  try {
    [imports] = parse(text, file);
  } catch {
    return []; // not a module the lexer reads: published as it is, the browser will say why
  }
  return imports.flatMap((entry) => {
    const target = entry.d >= -1 ? importedAsset(assets, file, entry.n) : undefined;
    // A dynamic import's range holds its quotes: the address ends before the closing one.
    return target ? [{ target, end: entry.d === -1 ? entry.e : entry.e - 1 }] : [];
  });
}

/** The assets as published, and the version of each, for its address in the pages and in imports. */
export async function versionAssets(assets: SiteOutput): Promise<{ files: SiteOutput; versions: Map<string, string> }> {
  await init;
  const imports = new Map([...assets].filter(([file]) => isModule(file)).map(([file, content]) => [file, importsOf(assets, file, textOf(content))]));
  /** The scripts a script is made of: itself and every script it imports, however deep, in path order. */
  const closure = (file: string): string[] => {
    const seen = new Set<string>();
    const visit = (at: string) => {
      if (seen.has(at)) return;
      seen.add(at);
      for (const { target } of imports.get(at) ?? []) visit(target);
    };
    visit(file);
    return [...seen].sort();
  };
  const versions = new Map(
    [...assets].map(([file, content]) => [
      file,
      isModule(file) ? versionOf(...closure(file).flatMap((at) => [at, '\0', assets.get(at)!, '\0'])) : versionOf(content),
    ]),
  );
  const files: SiteOutput = new Map(assets);
  for (const [file, found] of imports) {
    if (found.length === 0) continue;
    const text = textOf(assets.get(file)!);
    let rewritten = '';
    let at = 0;
    for (const { target, end } of found) {
      rewritten += `${text.slice(at, end)}?v=${versions.get(target)}`;
      at = end;
    }
    files.set(file, Buffer.from(rewritten + text.slice(at)));
  }
  return { files, versions };
}
