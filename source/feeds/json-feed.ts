import {BroadsheetError} from '../net/errors.js';
import {escapeHtml} from '../text/escape-html.js';
import type {RawEntry, RawFeed} from './raw-entry.js';
import {isRecord} from '../is-record.js';

/** JSON Feed 1.0 and 1.1 (https://jsonfeed.org/version/1.1). */
export function readJsonFeed(text: string): RawFeed {
	let data: unknown;
	try {
		data = JSON.parse(text);
	} catch (error) {
		throw new BroadsheetError('parse', `not valid JSON: ${(error as Error).message}`, {cause: error});
	}

	if (!isRecord(data) || typeof data['version'] !== 'string' || !data['version'].includes('jsonfeed.org')) {
		throw new BroadsheetError('not-feed', 'JSON document is not a JSON Feed');
	}

	const items = Array.isArray(data['items']) ? data['items'] : [];
	return {
		format: 'json',
		title: data['title'],
		link: data['home_page_url'],
		description: data['description'],
		language: data['language'],
		entries: items.filter((item) => isRecord(item)).map((item) => toRawEntry(item)),
		warnings: [],
	};
}

function toRawEntry(item: Record<string, unknown>): RawEntry {
	const attachment = Array.isArray(item['attachments']) ? (item['attachments'] as unknown[]).find((value) => isRecord(value)) : undefined;
	return {
		guid: item['id'],
		title: item['title'],
		link: item['url'] ?? item['external_url'],
		published: item['date_published'] ?? item['date_modified'],
		author: authorName(item),
		summary: item['summary'],
		content: item['content_html'] ?? (typeof item['content_text'] === 'string' ? textToHtml(item['content_text']) : undefined),
		categories: item['tags'],
		enclosure: isRecord(attachment)
			? {url: attachment['url'], type: attachment['mime_type'], length: attachment['size_in_bytes']}
			: undefined,
	};
}

/** 1.1 has `authors`, 1.0 `author`. */
function authorName(item: Record<string, unknown>): string | undefined {
	const authors = Array.isArray(item['authors']) ? item['authors'] : [item['author']];
	const names = authors
		.filter((author) => isRecord(author) && typeof author['name'] === 'string')
		.map((author) => (author as {name: string}).name);
	return names.length > 0 ? names.join(', ') : undefined;
}

function textToHtml(text: string): string {
	return escapeHtml(text)
		.split(/\n{2,}/)
		.map((paragraph) => `<p>${paragraph.replace(/\n/g, '<br>')}</p>`)
		.join('');
}
