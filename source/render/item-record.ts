import type {ArticleDocument} from '../articles/document.js';
import {articleJson, type ArticleJson} from './article-json.js';
import type {StoredItem} from '../store/store.js';
import type {StoryCopy} from '../store/story-groups.js';
import {redactUrl} from '../net/url.js';
import {htmlToPlainText} from '../text/html-text.js';
import {sanitizeOptional, sanitizeTerminal} from '../text/sanitize.js';

/** The export schema's name and version, carried by every JSON and NDJSON export. */
export const exportSchema = {name: 'broadsheet.items', version: 1} as const;

/**
 * One exported headline. Every field is a string, number, boolean or null; with --full,
 * `article` holds the extracted article document (its own versioned schema).
 */
export type ItemRecord = {
	id: string;
	feedUrl: string;
	feedTitle: string | null;
	title: string;
	link: string | null;
	published: string | null;
	firstSeen: string;
	author: string | null;
	summary: string | null;
	/** Categories joined with ", ". */
	categories: string | null;
	enclosureUrl: string | null;
	read: boolean;
	starred: boolean;
	/** With --dedupe: the same story's items in other feeds. */
	alsoIn?: StoryCopyRecord[];
	article?: ArticleJson | null;
};

export type StoryCopyRecord = {id: string; feedUrl: string; feedTitle: string | null; title: string; link: string | null};

export function toItemRecord(item: StoredItem, article?: ArticleDocument | null, alsoIn?: readonly StoryCopy[]): ItemRecord {
	const summaryHtml = item.summaryHtml ?? item.contentHtml;
	// Feed text goes out without control characters or escape sequences: exports end up on terminals too.
	const record: ItemRecord = {
		id: sanitizeTerminal(item.guid),
		feedUrl: redactUrl(item.feedUrl),
		feedTitle: sanitizeOptional(item.feedTitle),
		title: sanitizeTerminal(item.title),
		link: item.link,
		published: item.published,
		firstSeen: item.firstSeen,
		author: sanitizeOptional(item.author),
		summary: summaryHtml ? sanitizeOptional(htmlToPlainText(summaryHtml)) || null : null,
		categories: item.categories.length > 0 ? sanitizeTerminal(item.categories.join(', ')) : null,
		enclosureUrl: item.enclosure?.url ?? null,
		read: item.read,
		starred: item.starred,
	};
	if (alsoIn)
		record.alsoIn = alsoIn.map((copy) => ({
			id: sanitizeTerminal(copy.guid),
			feedUrl: redactUrl(copy.feedUrl),
			feedTitle: sanitizeOptional(copy.feedTitle),
			title: sanitizeTerminal(copy.title),
			link: copy.link,
		}));
	if (article !== undefined) record.article = article && articleJson(article);
	return record;
}
