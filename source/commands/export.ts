import {articleForItem} from '../operations/article-for-item.js';
import type {ArticleDocument} from '../articles/document.js';
import {hostOf} from '../net/url.js';
import {exportFormats as formats, type ItemFormat} from '../render/formats.js';
import {renderItems, type ExportEntry} from '../render/items.js';
import type {StoredItem} from '../store/store.js';
import {subscriptionsToOpml} from '../render/opml.js';
import {runLimited} from '../refresh/schedule.js';
import {matchSubscriptions, subscribedFeeds, subscriptionsWithTag, type Library} from './library.js';
import {exitCode, UsageError} from './output.js';
import {writeChunks} from './output-stream.js';

export type ExportOptions = {
	readonly format: string | undefined;
	readonly feeds: readonly string[];
	readonly tag: string | undefined;
	readonly unread: boolean;
	readonly starred: boolean;
	readonly since: string | undefined;
	readonly limit: number | undefined;
	readonly full: boolean;
	/** One record per story (a story several feeds carry once, with the others in `alsoIn`). */
	readonly dedupe: boolean;
	readonly markRead: boolean;
	readonly output: string | undefined;
};

/** `broadsheet export`: headlines (or, with --full, whole articles) as JSON, NDJSON, Markdown, HTML or CSV; subscriptions as OPML. */
export async function exportCommand(library: Library, options: ExportOptions): Promise<number> {
	const format = (options.format ?? 'json') as (typeof formats)[number];
	if (!formats.includes(format)) throw new UsageError(`unknown export format "${options.format}": use ${formats.join(', ')}`);
	if (options.limit !== undefined && (!Number.isInteger(options.limit) || options.limit < 1))
		throw new UsageError('--limit must be a positive whole number');
	const since = options.since === undefined ? undefined : parseSince(options.since, new Date());
	const now = new Date();

	let subscriptions = matchSubscriptions(library, options.feeds);
	if (options.tag !== undefined) {
		const tagged = new Set(subscriptionsWithTag(library, options.tag).map((subscription) => subscription.url));
		subscriptions = subscriptions.filter((subscription) => tagged.has(subscription.url));
	}

	if (format === 'opml') {
		const chosen = new Set(subscriptions.map((subscription) => subscription.url));
		const feeds = subscribedFeeds(library).filter(({subscription}) => chosen.has(subscription.url));
		await writeChunks([subscriptionsToOpml(feeds, now)], options.output);
		return exitCode.ok;
	}

	const filtered = options.feeds.length > 0 || options.tag !== undefined;
	const urls = new Set(subscriptions.map((subscription) => subscription.url));
	const query = {
		...(filtered
			? {
					feedIds: library.store
						.feeds()
						.filter((feed) => urls.has(feed.url))
						.map((feed) => feed.id),
				}
			: {}),
		unreadOnly: options.unread,
		starredOnly: options.starred,
		...(since ? {since} : {}),
		...(options.dedupe ? {oneStory: true} : {}),
		...(options.limit ? {limit: options.limit} : {}),
	};

	const exported: number[] = [];
	const entries = options.full
		? await withArticles(library, library.store.items(query))
		: streamEntries(library.store.iterateItems(query, {contentOnlyWithoutSummary: true}));
	const chunks = renderItems(
		tap(options.dedupe ? withCopies(library, entries) : entries, (entry) => exported.push(entry.item.id)),
		format as ItemFormat,
		now,
	);
	await writeChunks(chunks, options.output);
	if (options.markRead) library.store.setRead(exported, true);
	return exitCode.ok;
}

function* streamEntries(items: Iterable<StoredItem>): Generator<ExportEntry> {
	for (const item of items) yield {item};
}

/** --dedupe: each story's items in the other feeds (read only for stories that have some). */
function* withCopies(library: Library, entries: Iterable<ExportEntry>): Generator<ExportEntry> {
	for (const entry of entries) yield {...entry, alsoIn: entry.item.copies > 0 ? library.store.stories.copiesOf(entry.item.id) : []};
}

function* tap<T>(values: Iterable<T>, visit: (value: T) => void): Generator<T> {
	for (const value of values) {
		visit(value);
		yield value;
	}
}

/** --full: each item's article, from the cache or fetched now (4 pages at a time, 2 per host). */
async function withArticles(library: Library, items: StoredItem[]): Promise<ExportEntry[]> {
	const articles = new Map<number, ArticleDocument>();
	const userAgent = library.settings.get('userAgent') ?? undefined;
	await runLimited(items, {limit: 4, perKeyLimit: 2, key: (item) => hostOf(item.link ?? '')}, async (item) => {
		articles.set(item.id, await articleForItem(library.store, item, {userAgent}));
	});
	return items.map((item) => ({item, article: articles.get(item.id) ?? null}));
}

/** "24h", "90m", "7d", "2w" back from now, or a date/time. */
export function parseSince(value: string, now: Date): string {
	const relative = /^(\d+)\s*([mhdw])$/i.exec(value.trim());
	if (relative) {
		const unit = {m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000}[relative[2]!.toLowerCase() as 'm' | 'h' | 'd' | 'w'];
		return new Date(now.getTime() - Number(relative[1]) * unit).toISOString();
	}

	const time = Date.parse(value);
	if (Number.isNaN(time)) throw new UsageError(`--since takes a duration (24h, 7d) or a date (2026-11-01), not "${value}"`);
	return new Date(time).toISOString();
}
