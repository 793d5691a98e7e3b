import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import nunjucks from 'nunjucks';
import { describe, expect, it } from 'vitest';
import { pageName, TemplateError } from './template-errors.ts';

/** Renders page in a templates folder holding these files; the TemplateError it gives. */
async function failure(files: Record<string, string>, page: string): Promise<TemplateError> {
  const dir = await mkdtemp(path.join(tmpdir(), 'lldt-templates-'));
  await mkdir(path.join(dir, 'templates', 'partials'), { recursive: true });
  for (const [name, text] of Object.entries(files)) await writeFile(path.join(dir, 'templates', name), text);
  const env = new nunjucks.Environment(new nunjucks.FileSystemLoader(path.join(dir, 'templates')));
  try {
    env.render(page, { items: [{}] });
  } catch (error) {
    return TemplateError.from(error, path.join(dir, 'templates'), dir, '2019/09/index.html');
  }
  throw new Error('rendered');
}

describe('a template error', () => {
  it('inside a macro names the macro’s own file and line, not the page that calls it', async () => {
    const error = await failure(
      {
        'partials/list.njk': '{% macro list(items) %}\n<ol>\n{% for i in items %}\n  <li>{{ i.go() }}</li>\n{% endfor %}\n</ol>\n{% endmacro %}\n',
        'page.njk': '{% from "partials/list.njk" import list %}\na\nb\nc\n{{ list(items) }}\n',
      },
      'page.njk',
    );
    expect([error.template, error.line, error.rule]).toEqual(['templates/partials/list.njk', 4, 'template-call']);
    expect(error.message).toContain('模板调用了 i.go，但它没有值（生成 2019年第9期的页面（2019/09/index.html）时）');
  });

  it('on the first line, where Nunjucks gives no line, is found by what it names', async () => {
    const error = await failure({ 'page.njk': '{{ x | nosuch }}\n' }, 'page.njk');
    expect([error.template, error.line, error.column, error.rule]).toEqual(['templates/page.njk', 1, 6, 'template-filter']);
  });
});

describe('the page being rendered', () => {
  it.each([
    ['2019/09/index.html', ' 2019年第9期的页面（2019/09/index.html）'],
    ['2019/index.html', ' 2019年各期的页面（2019/index.html）'],
    ['index.html', ' 首页（index.html）'],
    ['feed.xml', ' 订阅源（feed.xml）'],
  ])('%s is named for the editor', (output, name) => {
    expect(pageName(output)).toBe(name);
  });
});
