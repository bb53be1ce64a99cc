import {createHash} from 'node:crypto';
import {absoluteHttpUrl} from '../net/url.js';
import {normaliseDate} from '../text/dates.js';
import {collapseWhitespace, firstWords, htmlToPlainText} from '../text/html-text.js';
import type {Enclosure, FeedItem} from './item.js';
import {storyFingerprint} from './same-story.js';
import {textOf, type RawEntry} from './raw-entry.js';

/** Turns one raw entry into a FeedItem, or null when it has nothing a reader could show. */
export function normaliseEntry(raw: RawEntry, feedBase: string): FeedItem | null {
	const base = resolveBase(textOf(raw.base), feedBase);
	const link = absoluteHttpUrl(textOf(raw.link), base);
	const summaryHtml = nonEmpty(textOf(raw.summary));
	const contentHtml = nonEmpty(textOf(raw.content));
	const title = titleOf(textOf(raw.title), contentHtml ?? summaryHtml);
	if (!title && !link) return null;

	const published = normaliseDate(textOf(raw.published));
	const guid = nonEmpty(textOf(raw.guid))?.trim();
	const item = {
		id: guid ?? (link && published ? `${link}#${published}` : link) ?? contentHash(title, summaryHtml, contentHtml),
		title: title || link!,
		link,
		published,
		author: nonEmpty(collapseWhitespace(textOf(raw.author) ?? '')),
		summaryHtml,
		contentHtml,
		categories: categoriesOf(raw.categories),
		enclosure: enclosureOf(raw.enclosure, base),
	};
	return {...item, story: storyFingerprint(item)};
}

function titleOf(raw: string | undefined, bodyHtml: string | null): string {
	// Titles may be HTML-escaped (Atom type="html", many RSS feeds): show their text.
	const title = raw ? htmlToPlainText(raw) : '';
	if (title) return title;
	return bodyHtml ? firstWords(htmlToPlainText(bodyHtml), 12) : '';
}

function categoriesOf(value: unknown): string[] {
	const list = Array.isArray(value) ? value : value === undefined ? [] : [value];
	const names = list.map((entry) => collapseWhitespace(textOf(entry) ?? '')).filter(Boolean);
	return [...new Set(names)];
}

function enclosureOf(value: unknown, base: string): Enclosure | null {
	if (!value || typeof value !== 'object') return null;
	const {url, type, length} = value as {url?: unknown; type?: unknown; length?: unknown};
	const href = absoluteHttpUrl(textOf(url), base);
	if (!href) return null;
	const size = Number(textOf(length));
	return {url: href, type: nonEmpty(textOf(type)), length: Number.isFinite(size) && size > 0 ? size : null};
}

function resolveBase(base: string | undefined, feedBase: string): string {
	if (!base) return feedBase;
	try {
		return new URL(base, feedBase).href;
	} catch {
		return feedBase;
	}
}

function contentHash(...parts: Array<string | null>): string {
	return (
		'sha1:' +
		createHash('sha1')
			.update(parts.map((part) => part ?? '').join('\u0000'))
			.digest('hex')
	);
}

function nonEmpty(value: string | undefined): string | null {
	return value && value.trim() ? value : null;
}
