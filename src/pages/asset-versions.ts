// Every asset is linked with its version, a hash of its bytes (assets/style.css?v=…), so that a
// host may keep assets/ in its cache for long: a changed file gets a new address. A module
// script's imports of other assets are versioned the same way: the search page's script names
// the versions of the modules it imports, so that a browser never runs a new search.js with an
// old search-core.js kept under the same address. The imports are found by es-module-lexer
// (Vite's), never by a pattern that a comment or a string could fool.
import { createHash } from 'node:crypto';
import path from 'node:path';
import { init, parse } from 'es-module-lexer';
import type { SiteOutput } from '../model/output.ts';

/** The version in an asset's address: the start of a hash of its bytes. */
export const versionOf = (content: string | Uint8Array): string => createHash('sha256').update(content).digest('hex').slice(0, 10);

const isModule = (file: string) => /\.m?js$/.test(file);

/** The output path an import names, when it is a relative one to another asset without a query. */
function importedAsset(assets: SiteOutput, importer: string, specifier: string | undefined): string | undefined {
  if (!specifier || !/^\.\.?\//.test(specifier) || /[?#]/.test(specifier)) return undefined;
  const target = path.posix.join(path.posix.dirname(importer), specifier);
  return assets.has(target) ? target : undefined;
}

/**
 * The assets as published: each module script's static imports of other assets get `?v=` and the
 * version of the asset imported (as published, so that a change deep down changes every
 * importer's bytes, and with them its version). Other files, and scripts without such imports,
 * are left byte for byte. An import that closes a cycle keeps its plain address.
 */
export async function versionImports(assets: SiteOutput): Promise<SiteOutput> {
  await init;
  const published: SiteOutput = new Map(assets);
  const done = new Set<string>();
  const visiting = new Set<string>();
  const publish = (file: string): void => {
    if (done.has(file) || visiting.has(file)) return;
    visiting.add(file);
    const content = assets.get(file)!;
    const text = typeof content === 'string' ? content : Buffer.from(content).toString('utf8');
    let imports: ReturnType<typeof parse>[0];
    try {
      [imports] = parse(text, file);
    } catch {
      imports = []; // not a module the lexer reads: published as it is, the browser will say why
    }
    let rewritten = '';
    let at = 0;
    for (const entry of imports) {
      const target = entry.d === -1 ? importedAsset(assets, file, entry.n) : undefined;
      if (!target) continue;
      publish(target);
      if (visiting.has(target)) continue;
      rewritten += `${text.slice(at, entry.e)}?v=${versionOf(published.get(target)!)}`;
      at = entry.e;
    }
    if (at > 0) published.set(file, Buffer.from(rewritten + text.slice(at)));
    visiting.delete(file);
    done.add(file);
  };
  for (const file of assets.keys()) if (isModule(file)) publish(file);
  return published;
}
