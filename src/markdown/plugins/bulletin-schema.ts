// What HTML an article may hold: GitHub's rules (rehype-sanitize's default schema), plus the
// bulletin's own markup: heading levels, run-in headings and column labels. Raw HTML that an
// editor pastes passes through the same schema, so <script>, event handlers, javascript: URLs,
// <iframe>, <style> and <meta> never reach a page. (Images from other hosts: rehype-local-resources.)
import { defaultSchema } from 'rehype-sanitize';

type Schema = typeof defaultSchema;

const HEADING_CLASSES = ['h-1', 'h-2', 'h-3', 'h-4'];
const allowed = defaultSchema.attributes ?? {};

export const bulletinSchema: Schema = {
  ...defaultSchema,
  // No form controls: GitHub keeps <input> for task lists, which a bulletin does not have.
  tagNames: (defaultSchema.tagNames ?? []).filter((name) => name !== 'input'),
  attributes: {
    ...allowed,
    h3: [...(allowed.h3 ?? []), ['className', ...HEADING_CLASSES]],
    h4: [...(allowed.h4 ?? []), ['className', ...HEADING_CLASSES]],
    h5: [...(allowed.h5 ?? []), ['className', ...HEADING_CLASSES]],
    h6: [...(allowed.h6 ?? []), ['className', ...HEADING_CLASSES]],
    span: [...(allowed.span ?? []), ['className', 'run-in', 'column-label', ...HEADING_CLASSES]],
  },
  // remark-rehype prefixes the ids it makes (user-content-fn-1); prefixing again would break their links.
  clobberPrefix: '',
  // Removed with their content, not only their tags.
  strip: ['script', 'style', 'textarea', 'title', 'noscript'],
};
