/** The output formats, in one small module that the CLI's help and completion read without loading a renderer. */

/** `broadsheet read`: one article. */
export const articleFormats = ['text', 'markdown', 'json', 'html'] as const;
export type ArticleFormat = (typeof articleFormats)[number];

/** `broadsheet export`: headlines or articles, item by item. */
export const itemFormats = ['json', 'ndjson', 'markdown', 'html', 'csv'] as const;
export type ItemFormat = (typeof itemFormats)[number];

/** `broadsheet export`: the items' formats and the subscriptions as OPML. */
export const exportFormats = [...itemFormats, 'opml'] as const;
