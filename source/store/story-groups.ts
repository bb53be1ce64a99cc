import {storyFingerprint} from '../feeds/same-story.js';
import {repeatedInFeeds, StoryMatcher, storyWindowMs} from '../feeds/story-matcher.js';
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

type FreshRow = {
	id: number;
	feedId: number;
	time: string;
	url: string | null;
	text: string | null;
	title: string;
	link: string | null;
	summary: string | null;
	content: string | null;
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
		const fresh = this.all(
			`SELECT id, feed_id AS feedId, sort_time AS time, story_url AS url, story_text AS text, title, link,
				CASE WHEN story_text IS NULL THEN summary END AS summary, CASE WHEN story_text IS NULL THEN substr(content, 1, 3000) END AS content
			FROM items WHERE id > ? ORDER BY id`,
			through,
		) as FreshRow[];
		if (fresh.length === 0) return 0;

		return inTransaction(this.db, () => {
			for (const row of fresh) if (row.text === null) this.fingerprint(row);
			const times = fresh.map((row) => Date.parse(row.time));
			let earliest = Infinity;
			let latest = -Infinity;
			for (const time of times) {
				earliest = Math.min(earliest, time);
				latest = Math.max(latest, time);
			}

			const from = Number.isFinite(earliest) ? new Date(earliest - storyWindowMs).toISOString() : '';
			const to = Number.isFinite(latest) ? new Date(latest + storyWindowMs).toISOString() : '';
			const known = this.all(
				`SELECT id, feed_id AS feedId, sort_time AS time, story_url AS url, story_text AS text, coalesce(dup_of, id) AS story
				FROM items WHERE id <= ? AND sort_time BETWEEN ? AND ? AND story_text IS NOT NULL`,
				through,
				from,
				to,
			) as Array<{id: number; feedId: number; time: string; url: string | null; text: string; story: number}>;

			const matcher = new StoryMatcher(repeatedInFeeds([...known, ...fresh] as Array<{feedId: number; url: string | null; text: string}>));
			for (const row of known) matcher.add({...row, time: Date.parse(row.time)});
			let copies = 0;
			for (const [index, row] of fresh.entries()) {
				const story = matcher.place({id: row.id, feedId: row.feedId, time: times[index]!, url: row.url, text: row.text!});
				if (story === undefined) continue;
				copies++;
				this.run(
					`UPDATE items SET dup_of = ?, read = max(read, (SELECT read FROM items WHERE id = ?)),
						starred = max(starred, (SELECT starred FROM items WHERE id = ?)) WHERE id = ?`,
					story,
					story,
					story,
					row.id,
				);
			}

			this.run('UPDATE story_state SET grouped_through = ? WHERE id = 1', fresh.at(-1)!.id);
			return copies;
		});
	}

	/** Every item of the story an item belongs to, itself included, first seen first. */
	membersOf(itemId: number): number[] {
		return (
			this.all(
				`SELECT id FROM items WHERE id = (SELECT coalesce(dup_of, id) FROM items WHERE id = ?)
				UNION SELECT id FROM items WHERE dup_of = (SELECT coalesce(dup_of, id) FROM items WHERE id = ?) ORDER BY id`,
				itemId,
				itemId,
			) as Array<{id: number}>
		).map((row) => row.id);
	}

	/** The story's items in other feeds than this item's, first seen first. */
	copiesOf(itemId: number): StoryCopy[] {
		const members = this.membersOf(itemId).filter((id) => id !== itemId);
		return members.map(
			(id) =>
				this.get(
					`SELECT i.id, i.guid, i.feed_id AS feedId, f.url AS feedUrl, coalesce(f.user_title, f.title) AS feedTitle, i.title, i.link
					FROM items i JOIN feeds f ON f.id = i.feed_id WHERE i.id = ?`,
					id,
				) as StoryCopy,
		);
	}

	/** Items from before story grouping (or written without a fingerprint) get one now. */
	private fingerprint(row: FreshRow): void {
		const story = storyFingerprint({title: row.title, link: row.link, summaryHtml: row.summary, contentHtml: row.content});
		row.url = story.url;
		row.text = story.text;
		this.run('UPDATE items SET story_url = ?, story_text = ? WHERE id = ?', story.url, story.text, row.id);
	}
}
