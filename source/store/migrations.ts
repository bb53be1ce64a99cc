/** Schema steps, applied in order; `PRAGMA user_version` counts how many ran. Never edit a shipped step: add one. */
export const migrations: readonly string[] = [
	`
	CREATE TABLE feeds (
		id INTEGER PRIMARY KEY,
		url TEXT NOT NULL UNIQUE,
		title TEXT,
		site_url TEXT,
		etag TEXT,
		last_modified TEXT,
		last_attempt TEXT,
		last_success TEXT,
		error_kind TEXT,
		error_message TEXT,
		-- Where a permanent redirect pointed last time, and how many refreshes in a row it did.
		moved_to TEXT,
		moved_count INTEGER NOT NULL DEFAULT 0
	);

	CREATE TABLE items (
		id INTEGER PRIMARY KEY,
		feed_id INTEGER NOT NULL REFERENCES feeds(id) ON DELETE CASCADE,
		guid TEXT NOT NULL,
		title TEXT NOT NULL,
		link TEXT,
		published TEXT,
		author TEXT,
		summary TEXT,
		content TEXT,
		categories TEXT NOT NULL DEFAULT '[]',
		enclosure TEXT,
		first_seen TEXT NOT NULL,
		-- published when known, else first seen: what lists sort by.
		sort_time TEXT NOT NULL,
		read INTEGER NOT NULL DEFAULT 0,
		starred INTEGER NOT NULL DEFAULT 0,
		-- 0 until the item is in items_search: new items are indexed in one batch after a refresh.
		indexed INTEGER NOT NULL DEFAULT 0,
		UNIQUE (feed_id, guid)
	);
	CREATE INDEX items_by_feed_time ON items (feed_id, sort_time DESC);
	CREATE INDEX items_by_time ON items (sort_time DESC);
	CREATE INDEX items_unread ON items (feed_id) WHERE read = 0;
	CREATE INDEX items_starred ON items (sort_time DESC) WHERE starred = 1;
	CREATE INDEX items_unindexed ON items (id) WHERE indexed = 0;

	CREATE TABLE articles (
		url TEXT PRIMARY KEY,
		document TEXT NOT NULL,
		-- Plain text of the document, for the search index.
		text TEXT NOT NULL,
		fetched_at TEXT NOT NULL
	);

	-- Back-off a server asked for (429/503 Retry-After), remembered per host.
	CREATE TABLE hosts (
		host TEXT PRIMARY KEY,
		retry_after TEXT NOT NULL
	);

	-- Full-text search over items; rowid = items.id. Rows are written with the item (plain text, not HTML).
	CREATE VIRTUAL TABLE items_search USING fts5 (title, summary, article, tokenize = 'unicode61 remove_diacritics 2');
	CREATE TRIGGER items_search_delete AFTER DELETE ON items BEGIN
		DELETE FROM items_search WHERE rowid = old.id;
	END;
	`,
];
