import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { SiteOutput } from '../model/output.ts';
import { versionAssets, versionOf } from './asset-versions.ts';

const text = (output: SiteOutput, file: string) => Buffer.from(output.get(file)!).toString('utf8');

const site = (core: string): SiteOutput =>
  new Map<string, string | Uint8Array>([
    [
      'assets/search.js',
      "import { a } from './search-core.js';\nimport { b } from './search-snippet.js';\n// from './not-an-import.js'\nconst s = \"import x from './nor-this.js'\";\n",
    ],
    ['assets/search-snippet.js', "import { a } from './search-core.js';\nexport const b = a;\n"],
    ['assets/search-core.js', Buffer.from(core)],
    ['assets/style.css', 'body { color: red }\n'],
  ]);

describe('versionAssets', () => {
  it('names in each import the version the pages give that script', async () => {
    const { files, versions } = await versionAssets(site('export const a = 1;\n'));
    const core = versions.get('assets/search-core.js')!;
    const snippet = versions.get('assets/search-snippet.js')!;
    expect(text(files, 'assets/search-snippet.js')).toBe(`import { a } from './search-core.js?v=${core}';\nexport const b = a;\n`);
    expect(text(files, 'assets/search.js')).toContain(`from './search-core.js?v=${core}'`);
    expect(text(files, 'assets/search.js')).toContain(`from './search-snippet.js?v=${snippet}'`);
    expect(versions.get('assets/style.css')).toBe(versionOf('body { color: red }\n'));
  });

  it('leaves comments, strings, styles and scripts without imports byte for byte', async () => {
    const assets = site('export const a = 1;\n');
    const { files } = await versionAssets(assets);
    expect(text(files, 'assets/search.js')).toContain("// from './not-an-import.js'");
    expect(text(files, 'assets/search.js')).toContain('"import x from \'./nor-this.js\'"');
    for (const file of ['assets/search-core.js', 'assets/style.css']) expect(files.get(file)).toBe(assets.get(file));
  });

  it('gives a new version to every script that imports a changed one, however far up', async () => {
    const before = await versionAssets(site('export const a = 1;\n'));
    const after = await versionAssets(site('export const a = 2;\n'));
    for (const file of ['assets/search-core.js', 'assets/search-snippet.js', 'assets/search.js']) {
      expect(after.versions.get(file)).not.toBe(before.versions.get(file));
      expect(text(after.files, file)).not.toBe(text(before.files, file));
    }
    expect(after.versions.get('assets/style.css')).toBe(before.versions.get('assets/style.css'));
  });

  it('versions a dynamic import of a script, and leaves other imports alone', async () => {
    const { files, versions } = await versionAssets(
      new Map<string, string | Uint8Array>([
        ['assets/a.js', "import './missing.js';\nimport './b.js?v=1';\nimport 'https://example.org/x.js';\nconst m = import('./b.js');\nimport(name);\n"],
        ['assets/b.js', 'export const b = 1;\n'],
      ]),
    );
    expect(text(files, 'assets/a.js')).toBe(
      `import './missing.js';\nimport './b.js?v=1';\nimport 'https://example.org/x.js';\nconst m = import('./b.js?v=${versions.get('assets/b.js')}');\nimport(name);\n`,
    );
  });

  it('gives the scripts of an import cycle one version, under which each is imported', async () => {
    const make = (a: string) =>
      versionAssets(
        new Map<string, string | Uint8Array>([
          ['assets/a.js', `import './b.js';\n${a}`],
          ['assets/b.js', "import './a.js';\n"],
        ]),
      );
    const { files, versions } = await make('');
    const shared = versions.get('assets/a.js')!;
    expect(versions.get('assets/b.js')).toBe(shared);
    expect(text(files, 'assets/a.js')).toBe(`import './b.js?v=${shared}';\n`);
    expect(text(files, 'assets/b.js')).toBe(`import './a.js?v=${shared}';\n`);
    // Either changed, both get a new address.
    const changed = await make('export const a = 1;\n');
    expect(changed.versions.get('assets/b.js')).not.toBe(shared);
  });

  it("finds no other file named in the templates' stylesheets, whose addresses are not versioned", async () => {
    const dir = path.join(import.meta.dirname, '../../templates/assets');
    for (const name of (await readdir(dir)).filter((n) => n.endsWith('.css'))) {
      const css = (await readFile(path.join(dir, name), 'utf8')).replace(/\/\*[\s\S]*?\*\//g, '');
      expect(css, name).not.toMatch(/url\(|@import/);
    }
  });
});
