import {storyFingerprint} from '../feeds/same-story.js';
import {FeedRepeats, StoryMatcher, storyWindowMs, type StoryEntry} from '../feeds/story-matcher.js';
import {inTransaction, PreparedStatements} from './database.js';

/** Another feed's copy of a story, as the article view and `export --dedupe` name it. */
export type StoryCopy = {
	readonly id: number;
	/** The feed's own id for the item. */
	readonly guid: string;
	readonly feedId: number;
	readonly feedUrl: string;
	readonly feedTitle: string | null;
	readonly title: string;
	readonly link: string | null;
};

/**
 * The same story from several feeds, kept at refresh time so that lists never compute it: each item
 * after the first of its story points at the first (`items.dup_of`). New items (those after
 * `story_state.grouped_through`) are compared with each other and with the items of the three days
 * around them, by StoryMatcher; a copy takes the story's read and starred state.
 */
export class StoryGroups extends PreparedStatements {
	/** Groups the items added since the last call; returns how many turned out to be copies. */
	groupNew(): number {
		const {through} = this.get('SELECT grouped_through AS through FROM story_state WHERE id = 1') as {through: number};
		const last = (this.get('SELECT max(id) AS last FROM items') as {last: number | null}).last ?? 0;
		if (last <= through) return 0;

		return inTransaction(this.db, () => {
			// Items from before story grouping (or written without a fingerprint) get one first.
			for (const row of this.all(
				`SELECT id, title, link, summary, substr(content, 1, 3000) AS content FROM items WHERE id > ? AND story_text IS NULL`,
				through,
			) as Array<{id: number; title: string; link: string | null; summary: string | null; content: string | null}>) {
				const story = storyFingerprint({title: row.title, link: row.link, summaryHtml: row.summary, contentHtml: row.content});
				this.run('UPDATE items SET story_url = ?, story_text = ? WHERE id = ?', story.url, story.text, row.id);
			}

			// Times as milliseconds and the window's ends, worked out by SQLite (a refresh can bring 50,000 items).
			const time = `coalesce(unixepoch(sort_time, 'subsec'), 0) * 1000`;
			const known = this.all(
				`WITH span AS (SELECT strftime('%Y-%m-%dT%H:%M:%fZ', min(sort_time), -?1 || ' seconds') AS first,
					strftime('%Y-%m-%dT%H:%M:%fZ', max(sort_time), ?1 || ' seconds') AS last FROM items WHERE id > ?2)
				SELECT id, feed_id AS feedId, ${time} AS time, story_url AS url, story_text AS text, coalesce(dup_of, id) AS story,
					(SELECT s.feed_id FROM items s WHERE s.id = coalesce(items.dup_of, items.id)) AS storyFeed
				FROM items, span WHERE id <= ?2 AND sort_time BETWEEN span.first AND span.last AND story_text IS NOT NULL`,
				storyWindowMs / 1000,
				through,
			) as unknown as Array<StoryEntry & {storyFeed: number}>;
			// What a feed repeats (its home page as every link, one blurb as every lead) is read for the feeds that come up.
			const repeats = new FeedRepeats(
				(feedId) =>
					this.statement(
						`SELECT story_url AS url, story_text AS text FROM items WHERE feed_id = ? AND story_text IS NOT NULL ORDER BY sort_time DESC LIMIT 1000`,
					).all(feedId) as Array<{url: string | null; text: string}>,
			);
			const matcher = new StoryMatcher(repeats);
			for (const entry of known) matcher.add(entry);
			const copies: Array<{id: number; story: number}> = [];
			// The new items a page at a time: the matcher keeps what it needs of each, the rest goes.
			for (let after = through; after < last;) {
				const page = this.all(
					`SELECT id, feed_id AS feedId, ${time} AS time, story_url AS url, story_text AS text FROM items WHERE id > ? AND id <= ? ORDER BY id LIMIT 5000`,
					after,
					last,
				) as unknown as Array<Omit<StoryEntry, 'story'>>;
				if (page.length === 0) break;
				for (const entry of page) {
					const story = matcher.place(entry);
					if (story !== undefined) copies.push({id: entry.id, story});
				}

				after = page.at(-1)!.id;
			}

			for (const {id, story} of copies)
				this.run(
					`UPDATE items SET dup_of = ?, read = max(read, (SELECT read FROM items WHERE id = ?)),
						starred = max(starred, (SELECT starred FROM items WHERE id = ?)) WHERE id = ?`,
					story,
					story,
					story,
					id,
				);
			this.run('UPDATE story_state SET grouped_through = ? WHERE id = 1', last);
			return copies.length;
		});
	}

	/** The story's items in other feeds than this item's, first seen first. */
	copiesOf(itemId: number): StoryCopy[] {
		return this.all(
			`SELECT i.id, i.guid, i.feed_id AS feedId, f.url AS feedUrl, coalesce(f.user_title, f.title) AS feedTitle, i.title, i.link
			FROM items i JOIN feeds f ON f.id = i.feed_id WHERE (${storyOf('i')}) AND i.id <> ? ORDER BY i.id`,
			itemId,
			itemId,
			itemId,
		) as StoryCopy[];
	}
}

/**
 * SQL: the row (of `items`, or of the table named `alias`) is an item of the same story as the item
 * whose id is bound twice after it: the story's first item or one of its copies. What reads or marks
 * a whole story uses this one clause.
 */
export function storyOf(alias = ''): string {
	const table = alias ? `${alias}.` : '';
	return `${table}id = (SELECT coalesce(dup_of, id) FROM items WHERE id = ?) OR ${table}dup_of = (SELECT coalesce(dup_of, id) FROM items WHERE id = ?)`;
}
