import { describe, expect, it } from 'vitest';
import type { SiteOutput } from '../model/output.ts';
import { versionImports, versionOf } from './asset-versions.ts';

const text = (output: SiteOutput, file: string) => Buffer.from(output.get(file)!).toString('utf8');

const site = (core: string): SiteOutput =>
  new Map<string, string | Uint8Array>([
    [
      'assets/search.js',
      "import { a } from './search-core.js';\nimport { b } from './search-snippet.js';\n// from './not-an-import.js'\nconst s = \"import x from './nor-this.js'\";\n",
    ],
    ['assets/search-snippet.js', "import { a } from './search-core.js';\nexport const b = a;\n"],
    ['assets/search-core.js', Buffer.from(core)],
    ['assets/style.css', '@import "./print.css";\n'],
    ['assets/print.css', 'body {}\n'],
  ]);

describe('versionImports', () => {
  it("names each imported asset's version, as published, in the importing script", async () => {
    const published = await versionImports(site('export const a = 1;\n'));
    const core = versionOf(published.get('assets/search-core.js')!);
    const snippet = versionOf(published.get('assets/search-snippet.js')!);
    expect(text(published, 'assets/search-snippet.js')).toBe(`import { a } from './search-core.js?v=${core}';\nexport const b = a;\n`);
    expect(text(published, 'assets/search.js')).toContain(`from './search-core.js?v=${core}'`);
    expect(text(published, 'assets/search.js')).toContain(`from './search-snippet.js?v=${snippet}'`);
  });

  it('leaves comments, strings, styles and scripts without imports byte for byte', async () => {
    const assets = site('export const a = 1;\n');
    const published = await versionImports(assets);
    expect(text(published, 'assets/search.js')).toContain("// from './not-an-import.js'");
    expect(text(published, 'assets/search.js')).toContain('"import x from \'./nor-this.js\'"');
    for (const file of ['assets/search-core.js', 'assets/style.css', 'assets/print.css']) expect(published.get(file)).toBe(assets.get(file));
  });

  it('changes every importer, however far up, when a module it imports changes', async () => {
    const before = await versionImports(site('export const a = 1;\n'));
    const after = await versionImports(site('export const a = 2;\n'));
    for (const file of ['assets/search-core.js', 'assets/search-snippet.js', 'assets/search.js']) {
      expect(versionOf(after.get(file)!)).not.toBe(versionOf(before.get(file)!));
    }
  });

  it('leaves an import of something that is not an asset, or already versioned, alone; and ends on a cycle', async () => {
    const assets: SiteOutput = new Map<string, string | Uint8Array>([
      ['assets/a.js', "import './missing.js';\nimport './b.js?v=1';\nimport 'https://example.org/x.js';\nimport './b.js';\n"],
      ['assets/b.js', "import './a.js';\n"],
    ]);
    const published = await versionImports(assets);
    const a = text(published, 'assets/a.js');
    expect(a).toContain("import './missing.js';\nimport './b.js?v=1';\nimport 'https://example.org/x.js';\n");
    expect(a).toMatch(/import '\.\/b\.js\?v=[0-9a-f]{10}';/);
    expect(text(published, 'assets/b.js')).toBe("import './a.js';\n");
  });
});
