import type {FeedItem} from '../feeds/item.js';
import {inTransaction, PreparedStatements} from './database.js';
import {itemValues} from './store.js';
import {storyOf} from './story-groups.js';

/** An item from the reading service, with the state it has there. */
export type RemoteEntry = {readonly remoteId: string; readonly item: FeedItem; readonly read: boolean; readonly starred: boolean};

/** A synced item's state here and as last agreed with the service. */
export type SyncedState = {
	readonly itemId: number;
	readonly remoteId: string;
	readonly read: boolean;
	readonly starred: boolean;
	readonly syncedRead: boolean;
	readonly syncedStarred: boolean;
};

/** A change made here since the last sync, to send: the items (service ids) and the state to give them. */
export type QueuedChange = {
	readonly field: 'read' | 'starred';
	readonly value: boolean;
	readonly items: ReadonlyArray<{itemId: number; remoteId: string}>;
};

/**
 * The store's side of syncing with a reading service: which feeds and items the service knows, and
 * the state last agreed for each. Local changes are not logged separately: an item whose read or
 * starred state differs from the agreed one *is* the queue, which survives restarts with the data.
 */
export class SyncLedger extends PreparedStatements {
	state(key: string): string | undefined {
		return (this.get('SELECT value FROM sync_state WHERE key = ?', key) as {value: string} | undefined)?.value;
	}

	setState(key: string, value: string | null): void {
		if (value === null) this.run('DELETE FROM sync_state WHERE key = ?', key);
		else this.run('INSERT INTO sync_state (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value', key, value);
	}

	/** Forgets everything synced (another account): items stay as plain local items, their read state kept. */
	reset(): void {
		inTransaction(this.db, () => {
			this.run('DELETE FROM synced_items');
			this.run('DELETE FROM sync_state');
			this.run('UPDATE feeds SET remote_id = NULL WHERE remote_id IS NOT NULL');
		});
	}

	/** The service's feed id → the feed row here. */
	remoteFeeds(): Map<string, {feedId: number; url: string}> {
		const rows = this.all('SELECT id, url, remote_id AS remoteId FROM feeds WHERE remote_id IS NOT NULL') as Array<{
			id: number;
			url: string;
			remoteId: string;
		}>;
		return new Map(rows.map((row) => [row.remoteId, {feedId: row.id, url: row.url}]));
	}

	/** Ties a feed URL (created when new) to the service's id for it; the service's title is the user's (renamed there or here). Returns the row id. */
	linkFeed(url: string, remoteId: string, title: string | null, siteUrl: string | null): number {
		return inTransaction(this.db, () => {
			// Another feed row may hold the id (the service moved the feed to a new URL): the id names one feed.
			this.run('UPDATE feeds SET remote_id = NULL WHERE remote_id = ? AND url IS NOT ?', remoteId, url);
			const row = this.get(
				`INSERT INTO feeds (url, remote_id, title, site_url) VALUES (?, ?, ?, ?)
				ON CONFLICT (url) DO UPDATE SET remote_id = excluded.remote_id, title = coalesce(excluded.title, title),
					site_url = coalesce(excluded.site_url, site_url), user_title = NULL
				RETURNING id`,
				url,
				remoteId,
				title,
				siteUrl,
			) as {id: number};
			return row.id;
		});
	}

	/** The service's ids of every item synced. */
	knownRemoteIds(): Set<string> {
		return new Set((this.all('SELECT remote_id AS id FROM synced_items') as Array<{id: string}>).map((row) => row.id));
	}

	/**
	 * Stores items new from the service in one transaction. An item already here from the feed itself
	 * (same link, never synced) is adopted rather than doubled: it is read or starred if either side
	 * says so, and what only this side said goes to the service with the next push. Returns how many were new.
	 */
	saveRemoteItems(feedId: number, entries: readonly RemoteEntry[], now: string): number {
		return inTransaction(this.db, () => {
			const local = new Map<string, {id: number; read: number; starred: number}>();
			const unsynced = this.all(
				'SELECT id, link, read, starred FROM items WHERE feed_id = ? AND link IS NOT NULL AND id NOT IN (SELECT item_id FROM synced_items)',
				feedId,
			) as Array<{id: number; link: string; read: number; starred: number}>;
			for (const row of unsynced) local.set(row.link, row);
			let added = 0;
			let addedUnread = 0;
			for (const {remoteId, item, read, starred} of entries) {
				if (this.get('SELECT 1 AS known FROM synced_items WHERE remote_id = ?', remoteId)) continue;
				const adopted = item.link ? local.get(item.link) : undefined;
				let itemId: number;
				if (adopted) {
					local.delete(item.link!);
					itemId = adopted.id;
					this.run('UPDATE items SET read = max(read, ?), starred = max(starred, ?) WHERE id = ?', Number(read), Number(starred), itemId);
				} else {
					const row = this.get(
						`INSERT INTO items (feed_id, guid, title, link, published, author, summary, content, categories, enclosure, first_seen, sort_time, read, starred)
						VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (feed_id, guid) DO NOTHING RETURNING id`,
						feedId,
						item.id,
						...itemValues(item),
						now,
						item.published ?? now,
						Number(read),
						Number(starred),
					) as {id: number} | undefined;
					if (!row) continue;
					itemId = row.id;
					added++;
					if (!read) addedUnread++;
				}

				this.run(
					'INSERT INTO synced_items (item_id, remote_id, read, starred) VALUES (?, ?, ?, ?)',
					itemId,
					remoteId,
					Number(read),
					Number(starred),
				);
			}

			// Inserts keep the per-feed counts by hand, as saveFetched does (no per-row trigger: see migrations).
			if (added > 0)
				this.run('UPDATE feed_counts SET total = total + ?, unread = unread + ? WHERE feed_id = ?', added, addedUnread, feedId);
			return added;
		});
	}

	/** Every synced item's state here and as last agreed. */
	syncedStates(): SyncedState[] {
		const rows = this.all(
			`SELECT s.item_id AS itemId, s.remote_id AS remoteId, i.read, i.starred, s.read AS syncedRead, s.starred AS syncedStarred
			FROM synced_items s JOIN items i ON i.id = s.item_id`,
		) as Array<{itemId: number; remoteId: string; read: number; starred: number; syncedRead: number; syncedStarred: number}>;
		return rows.map((row) => ({
			itemId: row.itemId,
			remoteId: row.remoteId,
			read: row.read === 1,
			starred: row.starred === 1,
			syncedRead: row.syncedRead === 1,
			syncedStarred: row.syncedStarred === 1,
		}));
	}

	/**
	 * Takes the service's state for items changed there. An item changed here meanwhile (its state no
	 * longer the agreed one, even if changed while this sync ran) keeps the change made here.
	 */
	applyRemote(changes: ReadonlyArray<{itemId: number; field: 'read' | 'starred'; value: boolean}>): number {
		return inTransaction(this.db, () => {
			let applied = 0;
			for (const {itemId, field, value} of changes) {
				const column = field === 'read' ? 'read' : 'starred';
				const changed = this.run(
					`UPDATE items SET ${column} = ? WHERE id = ? AND ${column} = (SELECT ${column} FROM synced_items WHERE item_id = ?)`,
					Number(value),
					itemId,
					itemId,
				);
				if (changed.changes === 0) continue;
				this.run(`UPDATE synced_items SET ${column} = ? WHERE item_id = ?`, Number(value), itemId);
				// The story's copies in other feeds follow (synced ones are then queued for the service in turn).
				this.run(`UPDATE items SET ${column} = ? WHERE id <> ? AND (${storyOf()})`, Number(value), itemId, itemId, itemId);
				applied++;
			}

			return applied;
		});
	}

	/** What changed here since the last sync, as four lists: read, unread, starred, unstarred. */
	queuedChanges(): QueuedChange[] {
		const changes: QueuedChange[] = [];
		for (const field of ['read', 'starred'] as const) {
			const rows = this.all(
				`SELECT s.item_id AS itemId, s.remote_id AS remoteId, i.${field} AS value FROM synced_items s JOIN items i ON i.id = s.item_id
				WHERE i.${field} <> s.${field} ORDER BY s.item_id`,
			) as Array<{itemId: number; remoteId: string; value: number}>;
			for (const value of [true, false]) {
				const items = rows.filter((row) => (row.value === 1) === value).map(({itemId, remoteId}) => ({itemId, remoteId}));
				if (items.length > 0) changes.push({field, value, items});
			}
		}

		return changes;
	}

	/** How many items have a change queued. */
	queuedCount(): number {
		return (
			this.get(
				'SELECT count(*) AS count FROM synced_items s JOIN items i ON i.id = s.item_id WHERE i.read <> s.read OR i.starred <> s.starred',
			) as {count: number}
		).count;
	}

	/**
	 * Past `keep` items in a synced feed, drops the oldest the user is done with on both sides: read
	 * and not starred here and at the service, nothing queued. The service keeps them; a sync never
	 * brings them back (they are neither new, unread nor starred). Returns how many went.
	 */
	applyRetention(feedId: number, keep: number): number {
		return this.run(
			`DELETE FROM items WHERE feed_id = ? AND read = 1 AND starred = 0
			AND id IN (SELECT item_id FROM synced_items WHERE read = 1 AND starred = 0)
			AND id NOT IN (SELECT id FROM items WHERE feed_id = ? ORDER BY sort_time DESC, id DESC LIMIT ?)`,
			feedId,
			feedId,
			keep,
		).changes as number;
	}

	/** Records that the service now has `value` for these items (a push went through). */
	markAgreed(field: 'read' | 'starred', value: boolean, itemIds: readonly number[]): void {
		const column = field === 'read' ? 'read' : 'starred';
		inTransaction(this.db, () => {
			for (const id of itemIds) this.run(`UPDATE synced_items SET ${column} = ? WHERE item_id = ?`, Number(value), id);
		});
	}
}
