import {describeUrl} from '../net/errors.js';
import type {FeedRow, Store} from '../store/store.js';
import {relativeAge} from '../text/relative-time.js';
import {sanitizeTerminal} from '../text/sanitize.js';
import {wrapText} from '../text/wrap.js';
import {listPaneRow, type FeedEntry, type StyledRow} from './headline-rows.js';
import type {KeyMap} from './keymap.js';
import type {Look, Theme} from './theme.js';

/** What the reader knows of a feed that failed, to say why above its stories. */
export type FeedProblem = {
	readonly feed: Pick<FeedRow, 'url' | 'errorMessage' | 'errorStatus' | 'lastSuccess' | 'lastAttempt'>;
	/** When its server asked us to come back (Retry-After), if that is still ahead. */
	readonly retryAfter: string | undefined;
	/** When the reader refreshes next by itself (refreshIntervalMinutes), if it does. */
	readonly nextRefresh: Date | undefined;
	/** The keys that retry: this feed, every feed. */
	readonly retryKeys: readonly [string | undefined, string | undefined];
};

/** The problem of a feed entry whose last refresh failed, from the store; undefined for one that works. */
export function feedProblemFor(store: Store, entry: FeedEntry, nextRefresh: Date | undefined, keymap: KeyMap): FeedProblem | undefined {
	const feed = entry.failed ? store.feedByUrl(entry.key) : undefined;
	if (!feed?.errorKind) return undefined;
	const host = URL.parse(feed.url)?.host;
	return {
		feed,
		retryAfter: host ? store.hostRetryAfter(host) : undefined,
		nextRefresh,
		retryKeys: [keymap.keysFor('headlines', 'refresh')[0], keymap.keysFor('headlines', 'refreshAll')[0]],
	};
}

/** Rows the problem takes at most: the message (two lines), the facts, the retry, the URL, a gap. */
export const feedProblemHeight = 6;

/** The rows above a failed feed's stories: the error, its HTTP status, when it last worked and was tried, when it is retried, its URL. */
export function feedProblemRows(problem: FeedProblem, width: number, theme: Theme, now: Date): StyledRow[] {
	const {feed} = problem;
	const room = Math.max(1, width - 2);
	const row = (text: string, look: Look) => listPaneRow(text, width, look);
	const message = sanitizeTerminal(feed.errorMessage ?? 'the last refresh failed', {maxLength: 600});
	// Two lines of it at most: the rest of a long message is cut.
	const [first = '', ...rest] = wrapText(`✗ ${message}`, room);
	const rows: StyledRow[] = [row(first, theme.error)];
	if (rest.length > 0) rows.push(row(rest.join(' '), theme.error));

	const ago = (iso: string | null) => {
		const age = relativeAge(iso, now);
		return age === 'now' ? 'just now' : /^\d/.test(age) && age.length < 5 ? `${age} ago` : age;
	};

	const facts = [
		feed.errorStatus ? `HTTP ${feed.errorStatus}` : undefined,
		feed.lastSuccess ? `last worked ${ago(feed.lastSuccess)}` : 'never worked',
		feed.lastAttempt ? `last tried ${ago(feed.lastAttempt)}` : undefined,
	].filter(Boolean);
	rows.push(row(facts.join(' · '), theme.muted));

	const [thisFeed, allFeeds] = problem.retryKeys;
	const retryKeys = [thisFeed && `${thisFeed} retries it now`, allFeeds && `${allFeeds} retries every feed`].filter(Boolean).join(', ');
	const when =
		problem.retryAfter && Date.parse(problem.retryAfter) > now.getTime()
			? `The server asked to wait until ${clock(problem.retryAfter, now)}`
			: problem.nextRefresh
				? `Retried at ${clock(problem.nextRefresh.toISOString(), now)} (the next refresh)`
				: 'Retried on the next refresh';
	rows.push(row(`${when}${retryKeys ? `; ${retryKeys}` : ''}`, theme.muted));
	rows.push(row(describeUrl(feed.url), theme.muted));
	while (rows.length < feedProblemHeight) rows.push([]);
	return rows;
}

/** A time of day in the local zone (with the date when it is not today). */
function clock(iso: string, now: Date): string {
	const time = new Date(iso);
	const hours = `${String(time.getHours()).padStart(2, '0')}:${String(time.getMinutes()).padStart(2, '0')}`;
	return time.toDateString() === now.toDateString() ? hours : `${time.toISOString().slice(0, 10)} ${hours}`;
}
