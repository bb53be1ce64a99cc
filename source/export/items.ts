import type {ArticleDocument} from '../articles/document.js';
import type {StoredItem} from '../store/store.js';
import {escapeHtml} from '../text/escape-html.js';
import {articleToHtml} from './article-html.js';
import {articleToMarkdown, escapeMarkdown} from './article-markdown.js';
import {exportSchema, toItemRecord} from './item-record.js';

export const itemFormats = ['json', 'ndjson', 'markdown', 'html', 'csv'] as const;
export type ItemFormat = (typeof itemFormats)[number];

export type ExportEntry = {readonly item: StoredItem; readonly article?: ArticleDocument | null};

/** Renders exported items; everything from feeds is escaped for the target format. */
export function renderItems(entries: readonly ExportEntry[], format: ItemFormat, now: Date): string {
	switch (format) {
		case 'json': {
			const items = entries.map((entry) => toItemRecord(entry.item, entry.article));
			return (
				JSON.stringify({schema: exportSchema.name, version: exportSchema.version, generated: now.toISOString(), items}, null, 2) + '\n'
			);
		}

		case 'ndjson': {
			return entries
				.map((entry) => JSON.stringify({version: exportSchema.version, ...toItemRecord(entry.item, entry.article)}) + '\n')
				.join('');
		}

		case 'csv': {
			return itemsToCsv(entries);
		}

		case 'markdown': {
			return itemsToMarkdown(entries, now);
		}

		case 'html': {
			return itemsToHtml(entries, now);
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
function itemsToCsv(entries: readonly ExportEntry[]): string {
	const cell = (value: string | number | boolean | null) => {
		let text = value === null ? '' : String(value);
		if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
		return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
	};

	const rows = entries.map((entry) => {
		const record = toItemRecord(entry.item);
		return csvColumns.map((column) => cell(record[column])).join(',');
	});
	return [csvColumns.join(','), ...rows].map((row) => `${row}\r\n`).join('');
}

function itemsToMarkdown(entries: readonly ExportEntry[], now: Date): string {
	const parts = [`# Headlines`, `_Exported by Broadsheet on ${now.toISOString().slice(0, 10)}: ${entries.length} items._`];
	for (const {item, article} of entries) {
		if (article) {
			parts.push('---', articleToMarkdown(article).trimEnd());
			continue;
		}

		const title = item.link
			? `[${escapeMarkdown(item.title)}](<${item.link.replace(/[<>\s]/g, encodeURIComponent)}>)`
			: escapeMarkdown(item.title);
		const meta = [item.feedTitle ?? item.feedUrl, item.published?.slice(0, 10)]
			.filter(Boolean)
			.map((part) => escapeMarkdown(part!))
			.join(' · ');
		parts.push(`- ${title}  \n  ${meta}`);
	}

	return parts.join('\n\n') + '\n';
}

function itemsToHtml(entries: readonly ExportEntry[], now: Date): string {
	const rows = entries.map(({item, article}) => {
		const title = item.link ? `<a href="${escapeHtml(item.link)}">${escapeHtml(item.title)}</a>` : escapeHtml(item.title);
		const meta = escapeHtml([item.feedTitle ?? item.feedUrl, item.published?.slice(0, 10)].filter(Boolean).join(' · '));
		const body = article ? `<div class="article">${articleBody(article)}</div>` : '';
		return `<li><h2>${title}</h2><p class="meta">${meta}</p>${body}</li>`;
	});
	return `<!doctype html>
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
<p class="meta">Exported by Broadsheet on ${escapeHtml(now.toISOString().slice(0, 10))}: ${entries.length} items.</p>
<ul>
${rows.join('\n')}
</ul>
</body>
</html>
`;
}

/** The inside of a full article page, for embedding in the headline page. */
function articleBody(article: ArticleDocument): string {
	const page = articleToHtml(article);
	return page.slice(page.indexOf('<article>') + '<article>'.length, page.lastIndexOf('</article>'));
}
