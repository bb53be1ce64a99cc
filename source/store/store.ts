import type {ArticleDocument} from '../articles/document.js';
import type {Enclosure, FeedItem, ParsedFeed} from '../feeds/item.js';
import {storyFingerprint} from '../feeds/same-story.js';
import {htmlToPlainText} from '../text/html-text.js';
import {inTransaction, openDatabase, PreparedStatements} from './database.js';
import {StoryGroups, storyOf} from './story-groups.js';

export type FeedRow = {
	readonly id: number;
	readonly url: string;
	readonly title: string | null;
	readonly siteUrl: string | null;
	readonly etag: string | null;
	readonly lastModified: string | null;
	readonly lastAttempt: string | null;
	readonly lastSuccess: string | null;
	readonly errorKind: string | null;
	readonly errorMessage: string | null;
	/** The HTTP status of the last failure, when the server answered. */
	readonly errorStatus: number | null;
	/** What the last successful read repaired or skipped, or null. */
	readonly warning: string | null;
	readonly movedTo: string | null;
	readonly movedCount: number;
};

export type FeedSummary = FeedRow & {readonly unread: number; readonly total: number};
/** What the reader's feeds column needs of each feed. */
export type FeedListing = Pick<FeedSummary, 'id' | 'url' | 'title' | 'errorKind' | 'unread'>;

/** A feed item as stored: the parsed fields plus where it came from and what the reader did with it. */
export type StoredItem = Omit<FeedItem, 'id'> & {
	/** The row id; the feed's own id for the item is `guid`. */
	readonly id: number;
	readonly guid: string;
	readonly feedId: number;
	readonly feedUrl: string;
	readonly feedTitle: string | null;
	readonly firstSeen: string;
	readonly read: boolean;
	readonly starred: boolean;
	/** How many other feeds carry the same story (story-groups.ts). */
	readonly copies: number;
};

export type ItemQuery = {
	readonly feedIds?: readonly number[];
	readonly unreadOnly?: boolean;
	readonly starredOnly?: boolean;
	/** ISO time: only items published (or first seen) at or after it. */
	readonly since?: string;
	/** One row per story: a story several feeds carry appears once, as its first item among the query's feeds. */
	readonly oneStory?: boolean;
	readonly limit?: number;
	readonly offset?: number;
};

/** `warning` is what was recorded on the feed: the feed's and the fetch's warnings in one line, or null. */
export type SaveResult = {readonly newItems: number; readonly items: number; readonly warning: string | null};

/** The reader's selection as it closed: a feed entry's key and the selected story's id. */
export type ReaderPlace = {readonly feedKey: string; readonly itemId: number | null};

/** Where reading stopped in an article: how far down its text (0–1) and the focused link stop (-1: none). */
export type ReadingPosition = {readonly fraction: number; readonly focus: number};

type SqlRow = Record<string, unknown>;

// The user's own title (`add --title`, `edit --title`) wins over the feed's, in every list and export.
const shownTitle = 'coalesce(f.user_title, f.title)';
const feedColumns = `f.id, f.url, ${shownTitle} AS title, f.site_url AS siteUrl, f.etag, f.last_modified AS lastModified, f.last_attempt AS lastAttempt,
	f.last_success AS lastSuccess, f.error_kind AS errorKind, f.error_message AS errorMessage, f.error_status AS errorStatus, f.warning, f.moved_to AS movedTo, f.moved_count AS movedCount`;
/** An item's columns, the body's content read as `content` says (the column itself, or only where there is no summary). */
const itemColumnsWith = (
	content: string,
) => `i.id, i.feed_id AS feedId, f.url AS feedUrl, ${shownTitle} AS feedTitle, i.guid, i.title, i.link, i.published, i.author,
	i.summary AS summaryHtml, ${content} AS contentHtml, i.categories, i.enclosure, i.first_seen AS firstSeen, i.read, i.starred,
	(SELECT count(*) FROM items o WHERE o.dup_of = coalesce(i.dup_of, i.id)) AS copies`;
const itemColumns = itemColumnsWith('i.content');

/** Everything Broadsheet writes itself: feeds, items and their read state, extracted articles, HTTP validators. */
export class Store extends PreparedStatements {
	/** The same story from several feeds. */
	readonly stories = new StoryGroups(this.db);

	static open(file: string): Store {
		return new Store(openDatabase(file));
	}

	close(): void {
		this.db.close();
	}

	/**
	 * Runs many small write transactions (a refresh: one per feed) without SQLite's automatic
	 * checkpoints in between, then checkpoints once. Each checkpoint rewrites the hot index pages
	 * again; on a 500-feed refresh that was a fifth of the time.
	 */
	async bulkWrites<T>(work: () => Promise<T>): Promise<T> {
		this.db.exec('PRAGMA wal_autocheckpoint = 0');
		try {
			return await work();
		} finally {
			this.db.exec('PRAGMA wal_autocheckpoint = 1000');
			this.db.exec('PRAGMA wal_checkpoint(PASSIVE)');
		}
	}

	/** The feed row for a URL, created when new, with the user's own title for it (or none). */
	ensureFeed(url: string, userTitle?: string): FeedRow {
		this.run(
			`INSERT INTO feeds (url, user_title) VALUES (?, ?)
			ON CONFLICT (url) DO UPDATE SET user_title = excluded.user_title WHERE user_title IS NOT excluded.user_title`,
			url,
			userTitle ?? null,
		);
		return this.feedByUrl(url)!;
	}

	feedByUrl(url: string): FeedRow | undefined {
		return this.get(`SELECT ${feedColumns} FROM feeds f WHERE f.url = ?`, url) as FeedRow | undefined;
	}

	/** Every feed with its unread and total counts (kept by triggers: one row per feed, whatever the item count). */
	feeds(): FeedSummary[] {
		return this.all(
			`SELECT ${feedColumns}, coalesce(c.unread, 0) AS unread, coalesce(c.total, 0) AS total
			FROM feeds f LEFT JOIN feed_counts c ON c.feed_id = f.id ORDER BY lower(coalesce(${shownTitle}, f.url))`,
		) as FeedSummary[];
	}

	/** Each feed's id, title, last error and unread count, in no particular order: a third of feeds()'s time. */
	feedListing(): FeedListing[] {
		return this.all(
			`SELECT f.id, f.url, ${shownTitle} AS title, f.error_kind AS errorKind, coalesce(c.unread, 0) AS unread FROM feeds f LEFT JOIN feed_counts c ON c.feed_id = f.id`,
		) as FeedListing[];
	}

	/** Stores a fetched feed in one transaction: metadata, validators, new and changed items, retention. */
	saveFetched(
		feedId: number,
		feed: ParsedFeed,
		fetched: {etag: string | undefined; lastModified: string | undefined; now: string; keep: number; warnings?: readonly string[]},
	): SaveResult {
		const warning = [...feed.warnings, ...(fetched.warnings ?? [])].join('; ') || null;
		return inTransaction(this.db, () => {
			this.run(
				`UPDATE feeds SET title = coalesce(?, title), site_url = coalesce(?, site_url), etag = ?, last_modified = ?, last_attempt = ?,
				last_success = ?, error_kind = NULL, error_message = NULL, error_status = NULL, warning = ? WHERE id = ?`,
				feed.title,
				feed.siteUrl,
				fetched.etag ?? null,
				fetched.lastModified ?? null,
				fetched.now,
				fetched.now,
				warning,
				feedId,
			);
			let newItems = 0;
			for (const item of feed.items) if (this.upsertItem(feedId, item, fetched.now)) newItems++;
			// New items are unread; this is the only place items are inserted (no per-row trigger: see migrations).
			if (newItems > 0)
				this.run('UPDATE feed_counts SET total = total + ?, unread = unread + ? WHERE feed_id = ?', newItems, newItems, feedId);
			this.applyRetention(feedId, fetched.keep, feed.items);
			return {newItems, items: feed.items.length, warning};
		});
	}

	private upsertItem(feedId: number, item: FeedItem, now: string): boolean {
		const values = itemValues(item);
		const story = item.story ?? storyFingerprint(item);
		const inserted = this.run(
			`INSERT INTO items (feed_id, guid, title, link, published, author, summary, content, categories, enclosure, first_seen, sort_time,
				story_url, story_text)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (feed_id, guid) DO NOTHING`,
			feedId,
			item.id,
			...values,
			now,
			item.published ?? now,
			story.url,
			story.text,
		);
		// New items reach the search index in one batch (indexPending): one FTS segment per refresh, not per feed.
		if (inserted.changes === 1) return true;

		// Known item: refresh what the feed may have corrected; read and starred stay as the user left them.
		const changed = this.get(
			`UPDATE items SET title = ?, link = ?, published = ?, author = ?, summary = ?, content = ?, categories = ?, enclosure = ?,
				sort_time = coalesce(?, first_seen), story_url = ?, story_text = ?
			WHERE feed_id = ? AND guid = ? AND (title IS NOT ? OR link IS NOT ? OR published IS NOT ? OR summary IS NOT ? OR content IS NOT ?)
			RETURNING id`,
			...values,
			item.published,
			story.url,
			story.text,
			feedId,
			item.id,
			item.title,
			item.link,
			item.published,
			item.summaryHtml,
			item.contentHtml,
		) as {id: number} | undefined;
		if (changed) this.run('UPDATE items_search SET title = ?, summary = ? WHERE rowid = ?', item.title, searchText(item), changed.id);
		return false;
	}

	/** Adds new items to the full-text index, in one transaction per few thousand items. */
	indexPending(): number {
		let indexed = 0;
		for (;;) {
			const rows = this.all(
				`SELECT i.id, i.title, i.summary, i.content, a.text AS article FROM items i LEFT JOIN articles a ON a.url = i.link
				WHERE i.indexed = 0 ORDER BY i.id LIMIT 5000`,
			) as Array<{id: number; title: string; summary: string | null; content: string | null; article: string | null}>;
			if (rows.length === 0) return indexed;
			inTransaction(this.db, () => {
				for (const row of rows) {
					const summary = searchText({summaryHtml: row.summary, contentHtml: row.content});
					this.run(
						'INSERT INTO items_search (rowid, title, summary, article) VALUES (?, ?, ?, ?)',
						row.id,
						row.title,
						summary,
						row.article ?? '',
					);
				}

				this.run('UPDATE items SET indexed = 1 WHERE indexed = 0 AND id <= ?', rows.at(-1)!.id);
			});
			indexed += rows.length;
		}
	}

	/**
	 * Past `keep` items, drops the oldest ones the user is done with: read, not starred, and gone from
	 * the feed's latest document. An item the feed still carries is never deleted (a 20,000-item
	 * archive feed keeps 20,000), nor is one still unread.
	 */
	private applyRetention(feedId: number, keep: number, current: readonly FeedItem[]): void {
		const {total} = this.get('SELECT total FROM feed_counts WHERE feed_id = ?', feedId) as {total: number};
		if (total <= keep) return;
		const inFeed = new Set(current.map((item) => item.id));
		const candidates = this.all(
			`SELECT id, guid FROM items WHERE feed_id = ? AND starred = 0 AND read = 1
			AND id NOT IN (SELECT id FROM items WHERE feed_id = ? ORDER BY sort_time DESC, id DESC LIMIT ?)`,
			feedId,
			feedId,
			keep,
		) as Array<{id: number; guid: string}>;
		for (const {id, guid} of candidates) if (!inFeed.has(guid)) this.run('DELETE FROM items WHERE id = ?', id);
	}

	markNotModified(feedId: number, now: string): void {
		this.run(
			'UPDATE feeds SET last_attempt = ?, last_success = ?, error_kind = NULL, error_message = NULL, error_status = NULL WHERE id = ?',
			now,
			now,
			feedId,
		);
	}

	/** Records a failure; the feed's items stay as they were. */
	markFailed(feedId: number, failure: {kind: string; message: string; status?: number | undefined}, now: string): void {
		this.run(
			'UPDATE feeds SET last_attempt = ?, error_kind = ?, error_message = ?, error_status = ? WHERE id = ?',
			now,
			failure.kind,
			failure.message,
			failure.status ?? null,
			feedId,
		);
	}

	/** Notes where a permanent redirect pointed; returns how many refreshes in a row it has pointed there. */
	recordPermanentRedirect(feedId: number, target: string | null): number {
		const row = this.get(
			`UPDATE feeds SET moved_count = CASE WHEN ? IS NOT NULL AND moved_to IS ? THEN moved_count + 1 WHEN ? IS NULL THEN 0 ELSE 1 END,
				moved_to = ? WHERE id = ? RETURNING moved_count AS count`,
			target,
			target,
			target,
			target,
			feedId,
		) as {count: number};
		return row.count;
	}

	/** A feed that moved keeps its items and read state under the new URL. */
	renameFeed(feedId: number, url: string): void {
		inTransaction(this.db, () => {
			const existing = this.feedByUrl(url);
			if (existing && existing.id !== feedId) this.run('DELETE FROM feeds WHERE id = ?', existing.id);
			this.run('UPDATE feeds SET url = ?, moved_to = NULL, moved_count = 0 WHERE id = ?', url, feedId);
		});
	}

	removeFeed(url: string): boolean {
		return this.run('DELETE FROM feeds WHERE url = ?', url).changes > 0;
	}

	/** A page of items, newest first (the headline list asks for one page at a time: the statement is cached). */
	items(query: ItemQuery = {}): StoredItem[] {
		const filter = whereClause(query);
		if (!filter) return [];
		const rows = this.all(listSql(filter.sql), ...filter.parameters, query.limit ?? -1, query.offset ?? 0);
		return rows.map((row) => toItem(row));
	}

	/**
	 * Items newest first, one row at a time: exports of 50,000 items never hold them all. What a
	 * headline export reads of the body is the summary, else the content; with `contentOnlyWithoutSummary`
	 * the content (the full text, often many times the summary) is read only for items without one.
	 */
	*iterateItems(query: ItemQuery = {}, options: {readonly contentOnlyWithoutSummary?: boolean} = {}): Generator<StoredItem> {
		const filter = whereClause(query);
		if (!filter) return;
		const columns = options.contentOnlyWithoutSummary ? itemColumnsWith('CASE WHEN i.summary IS NULL THEN i.content END') : itemColumns;
		// A statement of its own: a cached one would be reset if the caller ran the same query while iterating.
		const statement = this.db.prepare(listSql(filter.sql, columns));
		for (const row of statement.iterate(...filter.parameters, query.limit ?? -1, query.offset ?? 0)) yield toItem(row as SqlRow);
	}

	item(id: number): StoredItem | undefined {
		const row = this.get(`SELECT ${itemColumns} FROM items i JOIN feeds f ON f.id = i.feed_id WHERE i.id = ?`, id);
		return row ? toItem(row) : undefined;
	}

	countItems(query: ItemQuery = {}): number {
		const filter = whereClause(query);
		if (!filter) return 0;
		// Whole feeds, all or unread: the per-feed counts answer without reading the items' index
		// (every feed, one row per story: less the copies, which their own index counts).
		if (!query.starredOnly && !query.since && !(query.oneStory && query.feedIds)) {
			const feeds = query.feedIds ? `WHERE feed_id IN (${query.feedIds.map(() => '?').join(', ')})` : '';
			const column = query.unreadOnly ? 'unread' : 'total';
			const {count} = this.get(`SELECT coalesce(sum(${column}), 0) AS count FROM feed_counts ${feeds}`, ...(query.feedIds ?? [])) as {
				count: number;
			};
			return query.oneStory ? count - this.copyCount(Boolean(query.unreadOnly)) : count;
		}

		return (this.get(`SELECT count(*) AS count FROM items i ${filter.sql}`, ...filter.parameters) as {count: number}).count;
	}

	/** Where an item stands in a list (newest first), or undefined when it is not in it. */
	positionOf(id: number, query: ItemQuery = {}): number | undefined {
		const item = this.get('SELECT sort_time AS time FROM items WHERE id = ?', id) as {time: string} | undefined;
		const filter = whereClause(query);
		if (!item || !filter) return undefined;
		const inList = this.get(
			`SELECT 1 AS found FROM items i ${filter.sql ? `${filter.sql} AND` : 'WHERE'} i.id = ?`,
			...filter.parameters,
			id,
		);
		if (!inList) return undefined;
		const before = this.get(
			`SELECT count(*) AS count FROM items i ${filter.sql ? `${filter.sql} AND` : 'WHERE'} (i.sort_time > ? OR (i.sort_time = ? AND i.id > ?))`,
			...filter.parameters,
			item.time,
			item.time,
			id,
		) as {count: number};
		return before.count;
	}

	/** Items that repeat a story an earlier item of another feed carries (unread ones only, or all). */
	copyCount(unreadOnly: boolean): number {
		const sql = `SELECT count(*) AS count FROM items WHERE dup_of IS NOT NULL${unreadOnly ? ' AND read = 0' : ''}`;
		return (this.get(sql) as {count: number}).count;
	}

	unreadCount(feedIds?: readonly number[]): number {
		return this.countItems({...(feedIds ? {feedIds} : {}), unreadOnly: true});
	}

	/** Read or unread, with every other feed's copy of the same story. */
	setRead(ids: readonly number[], read: boolean): void {
		inTransaction(this.db, () => {
			for (const id of ids) this.setOnStory(id, 'read', read);
		});
	}

	/** Starred or not, with every other feed's copy of the same story. */
	setStarred(id: number, starred: boolean): void {
		inTransaction(this.db, () => this.setOnStory(id, 'starred', starred));
	}

	private setOnStory(id: number, column: 'read' | 'starred', value: boolean): void {
		this.run(`UPDATE items SET ${column} = ? WHERE ${storyOf()}`, value ? 1 : 0, id, id);
	}

	article(url: string): ArticleDocument | undefined {
		const row = this.get('SELECT document FROM articles WHERE url = ?', url) as {document: string} | undefined;
		return row ? (JSON.parse(row.document) as ArticleDocument) : undefined;
	}

	/** Caches an extracted article and makes its text searchable for the items that link to it. */
	saveArticle(url: string, document: ArticleDocument, text: string, now: string): void {
		inTransaction(this.db, () => {
			this.run(
				`INSERT INTO articles (url, document, text, fetched_at) VALUES (?, ?, ?, ?)
				ON CONFLICT (url) DO UPDATE SET document = excluded.document, text = excluded.text, fetched_at = excluded.fetched_at`,
				url,
				JSON.stringify(document),
				text,
				now,
			);
			this.run('UPDATE items_search SET article = ? WHERE rowid IN (SELECT id FROM items WHERE link = ?)', text, url);
		});
	}

	/** The feed (its URL, or the reader's All/Starred key) and story the reader was on when it last closed. */
	readerPlace(): ReaderPlace | undefined {
		return this.get('SELECT feed_key AS feedKey, item_id AS itemId FROM reader_place WHERE id = 1') as ReaderPlace | undefined;
	}

	setReaderPlace(place: ReaderPlace): void {
		this.run(
			`INSERT INTO reader_place (id, feed_key, item_id) VALUES (1, ?, ?)
			ON CONFLICT (id) DO UPDATE SET feed_key = excluded.feed_key, item_id = excluded.item_id`,
			place.feedKey,
			place.itemId,
		);
	}

	/** Where the reader stopped in an article, by its URL. */
	readingPosition(url: string): ReadingPosition | undefined {
		return this.get('SELECT fraction, focus FROM reading_positions WHERE url = ?', url) as ReadingPosition | undefined;
	}

	/** Remembers where the reader stopped (the top of the text forgets it); the oldest beyond 5,000 articles go. */
	setReadingPosition(url: string, position: ReadingPosition, now: string): void {
		if (position.fraction <= 0 && position.focus < 0) {
			this.run('DELETE FROM reading_positions WHERE url = ?', url);
			return;
		}

		this.run(
			`INSERT INTO reading_positions (url, fraction, focus, read_at) VALUES (?, ?, ?, ?)
			ON CONFLICT (url) DO UPDATE SET fraction = excluded.fraction, focus = excluded.focus, read_at = excluded.read_at`,
			url,
			position.fraction,
			position.focus,
			now,
		);
		this.run('DELETE FROM reading_positions WHERE url NOT IN (SELECT url FROM reading_positions ORDER BY read_at DESC LIMIT 5000)');
	}

	hostRetryAfter(host: string): string | undefined {
		return (this.get('SELECT retry_after AS until FROM hosts WHERE host = ?', host) as {until: string} | undefined)?.until;
	}

	setHostRetryAfter(host: string, until: string | null): void {
		if (until === null) this.run('DELETE FROM hosts WHERE host = ?', host);
		else
			this.run(
				'INSERT INTO hosts (host, retry_after) VALUES (?, ?) ON CONFLICT (host) DO UPDATE SET retry_after = excluded.retry_after',
				host,
				until,
			);
	}

	/** Full-text search over titles, summaries and article text, best matches first. */
	search(text: string, limit = 200): StoredItem[] {
		const query = toFtsQuery(text);
		if (!query) return [];
		this.indexPending();
		const rows = this.all(
			`SELECT ${itemColumns} FROM items_search s JOIN items i ON i.id = s.rowid JOIN feeds f ON f.id = i.feed_id
			WHERE items_search MATCH ? ORDER BY bm25(items_search, 5.0, 2.0, 1.0) LIMIT ?`,
			query,
			limit,
		);
		return rows.map((row) => toItem(row));
	}
}

/** Items newest first with their feed, for a WHERE clause from whereClause; LIMIT and OFFSET come last. */
function listSql(where: string, columns = itemColumns): string {
	return `SELECT ${columns} FROM items i JOIN feeds f ON f.id = i.feed_id ${where} ORDER BY i.sort_time DESC, i.id DESC LIMIT ? OFFSET ?`;
}

/** The WHERE clause of an item query (on `items i`); undefined when it can match nothing. */
function whereClause(query: ItemQuery): {sql: string; parameters: Array<string | number>} | undefined {
	const where: string[] = [];
	const parameters: Array<string | number> = [];
	if (query.feedIds) {
		if (query.feedIds.length === 0) return undefined;
		where.push(`i.feed_id IN (${query.feedIds.map(() => '?').join(', ')})`);
		parameters.push(...query.feedIds);
	}

	if (query.unreadOnly) where.push('i.read = 0');
	if (query.starredOnly) where.push('i.starred = 1');
	if (query.since) {
		where.push('i.sort_time >= ?');
		parameters.push(query.since);
	}

	if (query.oneStory) {
		if (query.feedIds) {
			// Shown as the first of its story's items among these feeds.
			where.push(`(i.dup_of IS NULL OR NOT EXISTS (SELECT 1 FROM items o WHERE (o.id = i.dup_of OR o.dup_of = i.dup_of) AND o.id < i.id
				AND o.feed_id IN (${query.feedIds.map(() => '?').join(', ')})))`);
			parameters.push(...query.feedIds);
		} else where.push('i.dup_of IS NULL');
	}

	return {sql: where.length > 0 ? `WHERE ${where.join(' AND ')}` : '', parameters};
}

/** An item's stored columns from title to enclosure, in the order of the items table. */
export function itemValues(item: FeedItem) {
	return [
		item.title,
		item.link,
		item.published,
		item.author,
		item.summaryHtml,
		item.contentHtml,
		JSON.stringify(item.categories),
		item.enclosure ? JSON.stringify(item.enclosure) : null,
	] as const;
}

function toItem(row: SqlRow): StoredItem {
	return {
		...(row as unknown as StoredItem),
		categories: JSON.parse(row['categories'] as string) as string[],
		enclosure: row['enclosure'] ? (JSON.parse(row['enclosure'] as string) as Enclosure) : null,
		read: row['read'] === 1,
		starred: row['starred'] === 1,
	};
}

function searchText(item: Pick<FeedItem, 'summaryHtml' | 'contentHtml'>): string {
	return htmlToPlainText(`${item.summaryHtml ?? ''} ${item.contentHtml ?? ''}`).slice(0, 20_000);
}

/** Words as prefix terms, each quoted: user input never reaches FTS5 syntax. */
function toFtsQuery(text: string): string {
	const words = text.match(/[\p{L}\p{N}]+/gu) ?? [];
	return words.map((word) => `"${word}"*`).join(' ');
}
