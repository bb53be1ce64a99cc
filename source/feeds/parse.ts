import {decodeBody} from '../net/charset.js';
import {BroadsheetError, isBroadsheetError} from '../net/errors.js';
import {collapseWhitespace, htmlToPlainText} from '../text/html-text.js';
import type {FeedItem, ParsedFeed} from './item.js';
import {readJsonFeed} from './json-feed.js';
import {absoluteHttpUrl} from '../net/url.js';
import {normaliseEntry} from './normalise.js';
import {textOf, type RawFeed} from './raw-entry.js';
import {readXmlFeed} from './xml-feed.js';

/** Decodes fetched feed bytes by their declared charset (header, BOM, XML declaration), then parses them. */
export async function parseFeedBytes(body: Uint8Array, contentType: string | undefined, feedUrl: string): Promise<ParsedFeed> {
	return parseFeed(decodeBody(body, contentType, 'xml').text, feedUrl);
}

/**
 * Parses decoded feed text (RSS, Atom, RDF or JSON Feed) fetched from `feedUrl`.
 * Throws only BroadsheetError: `not-feed` for HTML and other documents, `parse` for broken XML/JSON.
 */
export async function parseFeed(text: string, feedUrl: string): Promise<ParsedFeed> {
	const body = text.replace(/^\uFEFF/, '').trimStart();
	if (!body) throw new BroadsheetError('not-feed', 'empty document');
	const raw = await readRaw(body);

	const feedBase = absoluteHttpUrl(textOf(raw.base), feedUrl) ?? feedUrl;
	const items: FeedItem[] = [];
	// Two entries with one id: the first in document order wins, the same on every refresh.
	const seen = new Set<string>();
	let skipped = 0;
	for (const entry of raw.entries) {
		try {
			const item = normaliseEntry(entry, feedBase);
			if (item && !seen.has(item.id)) {
				seen.add(item.id);
				items.push(item);
			} else skipped++;
		} catch {
			skipped++;
		}
	}

	return {
		format: raw.format,
		title: plain(raw.title),
		siteUrl: absoluteHttpUrl(textOf(raw.link), feedBase),
		description: plain(raw.description),
		language: plain(raw.language),
		items,
		skipped,
		warnings: raw.warnings,
	};
}

async function readRaw(body: string): Promise<RawFeed> {
	if (body.startsWith('{')) return readJsonFeed(body);
	if (startsAsHtml(body)) {
		throw new BroadsheetError('not-feed', 'an HTML page, not a feed');
	}

	if (!body.startsWith('<')) throw new BroadsheetError('not-feed', 'neither XML nor JSON');
	try {
		return await readXmlFeed(body);
	} catch (error) {
		if (isBroadsheetError(error)) throw error;
		const message = error instanceof Error ? error.message : String(error);
		if (/not recognized as RSS/i.test(message))
			throw new BroadsheetError('not-feed', 'XML document is not RSS, RDF or Atom', {cause: error});
		throw new BroadsheetError('parse', `broken feed XML: ${firstLine(message)}`, {cause: error});
	}
}

/**
 * Whether the document opens as an HTML page, after any comments. The comments are skipped by
 * searching forward: /^(?:<!--[\s\S]*?-->\s*)*<html/ backtracked exponentially (25 comments: 36 s).
 */
function startsAsHtml(body: string): boolean {
	let start = 0;
	while (body.startsWith('<!--', start)) {
		const end = body.indexOf('-->', start + 4);
		if (end === -1) return false;
		start = end + 3;
		while (start < body.length && /\s/.test(body[start]!)) start++;
	}

	return /^<(?:!doctype\s+html|html[\s>]|head[\s>]|body[\s>])/i.test(body.slice(start, start + 16));
}

function plain(value: unknown): string | null {
	const text = textOf(value);
	if (!text) return null;
	const result = text.includes('<') || text.includes('&') ? htmlToPlainText(text) : collapseWhitespace(text);
	return result || null;
}

function firstLine(text: string): string {
	return text.split('\n')[0]!.slice(0, 200);
}
