import type {ArticleDocument} from '../articles/document.js';
import type {StoredItem} from '../store/store.js';
import {redactUrl} from '../net/url.js';
import {escapeHtml} from '../text/escape-html.js';
import {sanitizeTerminal} from '../text/sanitize.js';
import {articleToHtml} from './article-html.js';
import {articleToMarkdown, escapeMarkdown} from './article-markdown.js';
import {exportSchema, toItemRecord} from './item-record.js';
import type {StoryCopy} from '../store/story-groups.js';

import type {ItemFormat} from './formats.js';

/** `alsoIn`: with --dedupe, the story's items in other feeds (an empty list when it has none). */
export type ExportEntry = {readonly item: StoredItem; readonly article?: ArticleDocument | null; readonly alsoIn?: readonly StoryCopy[]};

/**
 * Renders exported items as a stream of chunks (one per item, plus a head and a tail), so that an
 * export of 50,000 items is written as it is read. Everything from feeds is escaped for the format.
 */
export function* renderItems(entries: Iterable<ExportEntry>, format: ItemFormat, now: Date): Generator<string> {
	switch (format) {
		case 'json': {
			yield `{\n  "schema": ${JSON.stringify(exportSchema.name)},\n  "version": ${exportSchema.version},\n  "generated": ${JSON.stringify(now.toISOString())},\n  "items": [`;
			let first = true;
			for (const entry of entries) {
				const record = JSON.stringify(toItemRecord(entry.item, entry.article, entry.alsoIn), null, 2).replace(/\n/g, '\n    ');
				yield `${first ? '' : ','}\n    ${record}`;
				first = false;
			}

			yield first ? ']\n}\n' : '\n  ]\n}\n';
			return;
		}

		case 'ndjson': {
			for (const entry of entries)
				yield JSON.stringify({version: exportSchema.version, ...toItemRecord(entry.item, entry.article, entry.alsoIn)}) + '\n';
			return;
		}

		case 'csv': {
			yield* itemsToCsv(entries);
			return;
		}

		case 'markdown': {
			yield* itemsToMarkdown(entries, now);
			return;
		}

		case 'html': {
			yield* itemsToHtml(entries, now);
		}
	}
}

const csvColumns = [
	'published',
	'feedTitle',
	'title',
	'link',
	'author',
	'categories',
	'read',
	'starred',
	'summary',
	'feedUrl',
	'id',
] as const;

/** RFC 4180, with cells that a spreadsheet would run as a formula defused by a leading apostrophe. */
function* itemsToCsv(entries: Iterable<ExportEntry>): Generator<string> {
	const cell = (value: string | number | boolean | null) => {
		let text = value === null ? '' : String(value);
		if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
		return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
	};

	// --dedupe adds a last column: the other feeds carrying the story, "Feed: title; …".
	let header: string | undefined;
	for (const entry of entries) {
		if (header === undefined) {
			header = `${[...csvColumns, ...(entry.alsoIn ? ['alsoIn'] : [])].join(',')}\r\n`;
			yield header;
		}

		const record = toItemRecord(entry.item, undefined, entry.alsoIn);
		const copies = record.alsoIn ? [record.alsoIn.map((copy) => `${copy.feedTitle ?? copy.feedUrl}: ${copy.title}`).join('; ')] : [];
		yield `${[...csvColumns.map((column) => cell(record[column])), ...copies.map((text) => cell(text))].join(',')}\r\n`;
	}

	if (header === undefined) yield `${csvColumns.join(',')}\r\n`;
}

function* itemsToMarkdown(entries: Iterable<ExportEntry>, now: Date): Generator<string> {
	yield `# Headlines\n\n_Exported by Broadsheet on ${now.toISOString().slice(0, 10)}._\n`;
	for (const {item, article, alsoIn} of entries) {
		if (article) {
			yield `\n---\n\n${articleToMarkdown(article)}${alsoIn?.length ? `\n_Also in: ${escapeMarkdown(copyNames(alsoIn))}_\n` : ''}`;
			continue;
		}

		const title = item.link
			? `[${escapeMarkdown(sanitizeTerminal(item.title))}](<${item.link.replace(/[<>\s]/g, encodeURIComponent)}>)`
			: escapeMarkdown(sanitizeTerminal(item.title));
		const meta = [
			sanitizeTerminal(item.feedTitle ?? redactUrl(item.feedUrl)),
			item.published?.slice(0, 10),
			alsoIn?.length ? `also in ${copyNames(alsoIn)}` : '',
		]
			.filter(Boolean)
			.map((part) => escapeMarkdown(part!))
			.join(' · ');
		yield `\n- ${title}  \n  ${meta}\n`;
	}
}

function* itemsToHtml(entries: Iterable<ExportEntry>, now: Date): Generator<string> {
	yield `<!doctype html>
<html>
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>Headlines · Broadsheet</title>
<style>body{font:17px/1.5 Georgia,serif;max-width:42em;margin:2em auto;padding:0 1em}ul{list-style:none;padding:0}h2{font-size:1.2em;margin-bottom:0}.meta{color:#666;margin-top:.2em}</style>
</head>
<body>
<h1>Headlines</h1>
<p class="meta">Exported by Broadsheet on ${escapeHtml(now.toISOString().slice(0, 10))}.</p>
<ul>
`;
	for (const {item, article, alsoIn} of entries) {
		const title = item.link
			? `<a href="${escapeHtml(item.link)}">${escapeHtml(sanitizeTerminal(item.title))}</a>`
			: escapeHtml(sanitizeTerminal(item.title));
		const meta = escapeHtml(
			[
				sanitizeTerminal(item.feedTitle ?? redactUrl(item.feedUrl)),
				item.published?.slice(0, 10),
				alsoIn?.length ? `also in ${copyNames(alsoIn)}` : '',
			]
				.filter(Boolean)
				.join(' · '),
		);
		const body = article ? `<div class="article">${articleBody(article)}</div>` : '';
		yield `<li><h2>${title}</h2><p class="meta">${meta}</p>${body}</li>\n`;
	}

	yield '</ul>\n</body>\n</html>\n';
}

/** The inside of a full article page, for embedding in the headline page. */
function articleBody(article: ArticleDocument): string {
	const page = articleToHtml(article);
	return page.slice(page.indexOf('<article>') + '<article>'.length, page.lastIndexOf('</article>'));
}

/** "BBC World, NPR News": the other feeds carrying a story, safe for any output. */
function copyNames(copies: readonly StoryCopy[]): string {
	return copies.map((copy) => sanitizeTerminal(copy.feedTitle ?? redactUrl(copy.feedUrl))).join(', ');
}
