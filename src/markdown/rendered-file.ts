// An issue file parsed and rendered, as the build cache keeps it (pipeline/parse-and-render.ts):
// its front matter, the places of its fields, its articles and the messages of both. The schema
// is the one source of the type and of the check an entry is read back through; it is kept apart
// from render-issue-file.ts so that reading the cache loads no Markdown pipeline.

import { keptMessageSchema } from '../messages/kept-message.ts';
import { articleSchema, frontMatterSchema } from '../model/issue.ts';
import { z } from '../vendor/zod.ts';

const pointSchema = z.object({ line: z.number().int(), column: z.number().int() });

const parsedSchema = z.object({
  meta: frontMatterSchema,
  pathYear: z.number().int(),
  pathName: z.string(),
  /** Where the body starts in the file's text, and on which line. */
  bodyStart: z.number().int(),
  bodyLine: z.number().int(),
  places: z.record(z.string(), pointSchema),
});

/**
 * An address on the page that stays on the site (rehype-local-resources.ts), where it is written:
 * the site is checked to have the file it names when the site is planned, outside the cache.
 */
const localAddressSchema = z.object({
  address: z.string(),
  /** The path the browser asks for, as read from the page under the site's baseUrl (part of the cache key). */
  pathname: z.string(),
  /** An image's src (loaded with the page), or a link's href (followed). */
  kind: z.enum(['image', 'link']),
  line: z.number().int(),
  column: z.number().int(),
});

export type LocalAddress = z.infer<typeof localAddressSchema>;

export const renderedFileSchema = z
  .object({
    /** Parsed, or absent when the file has an error that stops it. */
    parsed: parsedSchema.optional(),
    articles: z.array(articleSchema).optional(),
    /** The messages of parsing and rendering. */
    messages: z.array(keptMessageSchema),
    /** The addresses on the page that stay on the site. */
    addresses: z.array(localAddressSchema).optional(),
    /**
     * Each article's body as the search indexer reads it, sent from the thread that rendered it
     * (search/indexed-html.ts); never kept in the cache.
     */
    indexed: z.array(z.string().optional()).optional(),
  })
  // Parsed with at least one article (every issue has one), or stopped by an error.
  .refine(({ parsed, articles, messages }) => {
    const stopped = messages.some((m) => m.fatal === true);
    if (parsed === undefined) return articles === undefined && stopped;
    return articles !== undefined && (articles.length > 0 || stopped);
  });

export type RenderedFile = z.infer<typeof renderedFileSchema>;

export const isRenderedFile = (value: unknown): value is RenderedFile => renderedFileSchema.safeParse(value).success;
