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
	`
	-- Unread and total per feed, kept by triggers: the reader's feeds column and the unread command read one
	-- row per feed instead of counting 100,000 index entries (~18 ms at 50,000 items) every time.
	CREATE TABLE feed_counts (
		feed_id INTEGER PRIMARY KEY REFERENCES feeds(id) ON DELETE CASCADE,
		total INTEGER NOT NULL DEFAULT 0,
		unread INTEGER NOT NULL DEFAULT 0
	);
	INSERT INTO feed_counts (feed_id, total, unread)
		SELECT f.id, (SELECT count(*) FROM items i WHERE i.feed_id = f.id), (SELECT count(*) FROM items i WHERE i.feed_id = f.id AND i.read = 0)
		FROM feeds f;
	CREATE TRIGGER feed_counts_new_feed AFTER INSERT ON feeds BEGIN
		INSERT INTO feed_counts (feed_id) VALUES (new.id);
	END;
	CREATE TRIGGER feed_counts_insert AFTER INSERT ON items BEGIN
		UPDATE feed_counts SET total = total + 1, unread = unread + (new.read = 0) WHERE feed_id = new.feed_id;
	END;
	CREATE TRIGGER feed_counts_delete AFTER DELETE ON items BEGIN
		UPDATE feed_counts SET total = total - 1, unread = unread - (old.read = 0) WHERE feed_id = old.feed_id;
	END;
	CREATE TRIGGER feed_counts_read AFTER UPDATE OF read ON items WHEN (old.read = 0) <> (new.read = 0) BEGIN
		UPDATE feed_counts SET unread = unread + (new.read = 0) - (old.read = 0) WHERE feed_id = new.feed_id;
	END;

	-- Lists are ordered by time, then id: with id in the index a page is read straight off it, where
	-- stories sharing a time (common: feeds round to the minute) made SQLite sort each group first.
	DROP INDEX items_by_feed_time;
	CREATE INDEX items_by_feed_time ON items (feed_id, sort_time DESC, id DESC);
	DROP INDEX items_by_time;
	CREATE INDEX items_by_time ON items (sort_time DESC, id DESC);
	DROP INDEX items_starred;
	CREATE INDEX items_starred ON items (sort_time DESC, id DESC) WHERE starred = 1;
	`,
	`
	-- What reading the feed last took that its author should fix (XML repaired, entries skipped, https to http).
	ALTER TABLE feeds ADD COLUMN warning TEXT;
	`,
	`
	-- The user's own title for a feed (add --title), kept apart from the feed's, which each refresh updates.
	ALTER TABLE feeds ADD COLUMN user_title TEXT;
	`,
	`
	-- The HTTP status of the last failed refresh (null when it failed before a response), for the reader to show.
	ALTER TABLE feeds ADD COLUMN error_status INTEGER;
	-- Where the reader was: the feed and story selected, and per article its scroll (a fraction of the
	-- text, so that a different width lands at the same place) and focused link.
	CREATE TABLE reader_place (
		id INTEGER PRIMARY KEY CHECK (id = 1),
		feed_key TEXT NOT NULL,
		item_id INTEGER
	);
	CREATE TABLE reading_positions (
		url TEXT PRIMARY KEY,
		fraction REAL NOT NULL,
		focus INTEGER NOT NULL,
		read_at TEXT NOT NULL
	);
	`,
	`
	-- A trigger on every inserted item cost a full-text refresh half its insert time (each row's
	-- statement journalled every page it touched); saveFetched adds a feed's new items to its counts
	-- in one statement instead. Deletes and read changes keep their triggers.
	DROP TRIGGER feed_counts_insert;
	`,
	`
	-- A reading service (Google Reader API) as the source of feeds and read state. remote_id is the service's
	-- stream id for the feed ("feed/12"). synced_items holds, per item the service knows, its id there and
	-- the read and starred state both sides agreed on at the last sync: where the item's own state differs,
	-- the change was made here and is queued for the next sync (nothing else to keep, so nothing to lose).
	ALTER TABLE feeds ADD COLUMN remote_id TEXT;
	CREATE TABLE synced_items (
		item_id INTEGER PRIMARY KEY REFERENCES items(id) ON DELETE CASCADE,
		remote_id TEXT NOT NULL UNIQUE,
		read INTEGER NOT NULL,
		starred INTEGER NOT NULL
	);
	-- What a sync remembers: the account it belongs to, when the last one started and ended, its error.
	CREATE TABLE sync_state (
		key TEXT PRIMARY KEY,
		value TEXT NOT NULL
	);
	`,
	`
	-- The same story from several feeds (source/store/story-groups.ts). story_url is the item's canonical article
	-- address and story_text its headline and lead words, what new items are compared with; dup_of is the id of
	-- the story's first item on every later copy (NULL on the first and on a story carried once), so that mixed
	-- lists show a story once by reading only rows whose dup_of is NULL. Items before this step are
	-- fingerprinted by the first refresh after it (grouped_through 0).
	ALTER TABLE items ADD COLUMN story_url TEXT;
	ALTER TABLE items ADD COLUMN story_text TEXT;
	ALTER TABLE items ADD COLUMN dup_of INTEGER;
	CREATE INDEX items_copies ON items (dup_of) WHERE dup_of IS NOT NULL;
	CREATE TABLE story_state (id INTEGER PRIMARY KEY CHECK (id = 1), grouped_through INTEGER NOT NULL);
	INSERT INTO story_state (id, grouped_through) VALUES (1, 0);
	-- The first item of a story gone (retention, a feed removed): its next copy becomes the first. The
	-- next copy keeps pointing at the old id until the others point at it, so that min() stays the same.
	CREATE TRIGGER items_story_first_deleted AFTER DELETE ON items WHEN old.dup_of IS NULL BEGIN
		UPDATE items SET dup_of = (SELECT min(id) FROM items WHERE dup_of = old.id)
			WHERE dup_of = old.id AND id <> (SELECT min(id) FROM items WHERE dup_of = old.id);
		UPDATE items SET dup_of = NULL WHERE dup_of = old.id;
	END;
	`,
];
