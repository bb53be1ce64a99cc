import type {Subscription} from '../config/subscription.js';
import {starterFeeds} from '../config/default-feeds.js';
import type {FeedListing, ItemQuery, StoredItem} from '../store/store.js';
import {withFeedRows} from '../store/subscribed-feeds.js';
import {relativeAge} from '../text/relative-time.js';
import {sanitizeTerminal} from '../text/sanitize.js';
import {displayWidth, truncateToWidth} from '../text/wrap.js';
import {mergeLooks, type Look, type Theme} from './theme.js';

/**
 * The headline screen as rows of styled text, with no Ink in sight: the components render these
 * rows, and the first paint writes the very same rows to the terminal before Ink has loaded.
 */
export type StyledSegment = {readonly text: string; readonly look: Look};
export type StyledRow = readonly StyledSegment[];

export type FeedEntry = {readonly key: string; readonly label: string; readonly unread: number; readonly failed: boolean};

export const allKey = 'all';
export const starredKey = 'starred';

/**
 * All, Starred, then every subscription in its configured order with its store counts. All counts
 * stories: `unreadCopies` (Store.copyCount) are the unread items that repeat a story another feed has.
 */
export function feedEntriesFor(subscriptions: readonly Subscription[], feeds: readonly FeedListing[], unreadCopies = 0): FeedEntry[] {
	const unreadAll = feeds.reduce((sum, feed) => sum + feed.unread, 0) - unreadCopies;
	return [
		{key: allKey, label: 'All', unread: unreadAll, failed: false},
		{key: starredKey, label: 'Starred', unread: 0, failed: false},
		...withFeedRows(subscriptions, feeds).map(({subscription, row, title}) => ({
			key: subscription.url,
			label: title ?? subscription.url,
			unread: row?.unread ?? 0,
			failed: Boolean(row?.errorKind),
		})),
	];
}

/** The store query behind a feed entry's headline list: the mixed lists show a story carried by several feeds once. */
export function listQuery(feedKey: string, feeds: readonly FeedListing[], unreadOnly: boolean): ItemQuery {
	const feedId = feeds.find((feed) => feed.url === feedKey)?.id;
	const mixed = feedKey === allKey || feedKey === starredKey;
	return {
		...(mixed ? {oneStory: true} : {feedIds: feedId === undefined ? [] : [feedId]}),
		starredOnly: feedKey === starredKey,
		unreadOnly,
	};
}

/** Mixed lists (All, Starred, search results) name each story's feed. */
export function showsSource(feedKey: string, search: unknown): boolean {
	return feedKey === allKey || feedKey === starredKey || Boolean(search);
}

/** What an empty list says, given why it is empty. */
export function emptyListText(search: {readonly query: string} | undefined, unreadOnly: boolean, feedCount: number): string {
	if (search) return `Nothing matches “${search.query}”`;
	if (feedCount === 0)
		return `No feeds yet: a adds one, S adds ${starterFeeds.length} starter feeds (${starterFeeds.map((feed) => feed.title).join(', ')})`;
	return unreadOnly ? 'No unread stories here (u shows all)' : 'No stories yet: R refreshes, a adds a feed';
}

/** Widths of the feeds column and the headline list (a one-column separator sits between them). */
export function headlinePanes(width: number): {readonly feeds: number; readonly list: number} {
	const feeds = Math.min(30, Math.max(16, Math.floor(width * 0.24)));
	return {feeds, list: Math.max(10, width - feeds - 1)};
}

/** First visible feed: the column scrolls to keep the selection in its middle. */
function feedWindowTop(selected: number, count: number, height: number): number {
	return Math.max(0, Math.min(selected - Math.floor(height / 2), count - height));
}

type Selection = {readonly selected: boolean; readonly active: boolean};

/** Selected in the focused pane: the theme's selection; in the other pane: underlined. */
function selectionLook(theme: Theme, {selected, active}: Selection): Look | false {
	return selected && (active ? theme.selection : {underline: true});
}

/** ✗ for a failed feed, the label, and the unread count flush right. */
function feedRow(entry: FeedEntry, width: number, theme: Theme, selection: Selection): StyledRow {
	const count = entry.unread > 0 ? String(entry.unread) : '';
	const label = truncateToWidth(sanitizeTerminal(entry.label, {maxLength: 200}), Math.max(1, width - count.length - 4));
	const gap = ' '.repeat(Math.max(1, width - 3 - displayWidth(label) - count.length));
	return [
		{text: entry.failed ? '✗' : ' ', look: entry.failed ? theme.error : theme.muted},
		{
			text: ` ${label}${gap}${count}`,
			look: mergeLooks(entry.unread > 0 ? theme.unread : theme.read, selectionLook(theme, selection)),
		},
	];
}

/** Unread mark, title cut to the row, how many other feeds carry it and the feed's name (in mixed lists), age. */
function headlineRow(
	item: StoredItem,
	options: {readonly width: number; readonly showSource: boolean; readonly theme: Theme; readonly now: Date} & Selection,
): StyledRow {
	const {width, showSource, theme, now} = options;
	const age = relativeAge(item.published ?? item.firstSeen, now).padStart(5);
	const feedName = showSource
		? truncateToWidth(sanitizeTerminal(item.feedTitle ?? '', {maxLength: 200}), Math.min(18, Math.floor(width / 5)))
		: '';
	const mark = item.starred ? '★' : item.read ? ' ' : '●';
	// "+2": two more feeds carry this story (the article view names them).
	const copies = showSource && item.copies > 0 ? ` +${item.copies}` : '';
	const fixed = 2 + copies.length + (feedName ? displayWidth(feedName) + 2 : 0) + age.length + 1;
	const title = truncateToWidth(sanitizeTerminal(item.title, {maxLength: 1000}), Math.max(1, width - fixed));
	const padding = ' '.repeat(Math.max(0, width - fixed - displayWidth(title)));
	const aside = mergeLooks(theme.muted, options.selected && options.active && theme.selection);
	return [
		{text: `${mark} ${title}${padding}`, look: mergeLooks(item.read ? theme.read : theme.unread, selectionLook(theme, options))},
		...(copies ? [{text: copies, look: aside}] : []),
		...(feedName ? [{text: `  ${feedName}`, look: aside}] : []),
		{text: ` ${age}`, look: aside},
	];
}

/** What an empty list says instead of rows. */
function emptyListRow(text: string, width: number, theme: Theme): StyledRow {
	return listPaneRow(sanitizeTerminal(text, {maxLength: 300}), width, theme.muted);
}

/** A line of text in the list pane, one column in from its edge and cut to the pane (the text is already safe). */
export function listPaneRow(text: string, width: number, look: Look): StyledRow {
	return [
		{text: ' ', look: {}},
		{text: truncateToWidth(text, Math.max(1, width - 2)), look},
	];
}

/** The keys that matter here on the left, what is happening on the right. */
export function statusRow(hints: string, status: string, error: boolean, width: number, theme: Theme): StyledRow {
	const right = truncateToWidth(sanitizeTerminal(status, {maxLength: 2000}), Math.max(0, width - 2));
	const room = Math.max(0, width - displayWidth(right) - 2);
	const left = truncateToWidth(hints, room);
	const gap = ' '.repeat(Math.max(1, width - displayWidth(left) - displayWidth(right) - 1));
	return [
		{text: ` ${left}${gap}`, look: theme.statusBar},
		{text: right, look: mergeLooks(theme.statusBar, error && theme.error)},
	];
}

/** A row filled out with plain spaces to exactly `width` columns. */
function padRow(row: StyledRow, width: number): StyledRow {
	const used = row.reduce((sum, segment) => sum + displayWidth(segment.text), 0);
	return used >= width ? row : [...row, {text: ' '.repeat(width - used), look: {}}];
}

export type HeadlineScreen = {
	readonly entries: readonly FeedEntry[];
	readonly feedIndex: number;
	/** The visible window of the list, and the selected index within it (-1: none visible). */
	readonly rows: readonly StoredItem[];
	readonly selected: number;
	readonly pane: 'feeds' | 'items';
	readonly showSource: boolean;
	/** What the list says when it has no rows. */
	readonly empty: string;
	/** Rows at the top of the list pane, above the stories (why the feed failed). */
	readonly header?: readonly StyledRow[];
	readonly theme: Theme;
	readonly now: Date;
	readonly width: number;
	readonly height: number;
};

/** Every row of the headline screen above the status line: feeds column, separator, headlines. */
export function headlineScreenRows(screen: HeadlineScreen): StyledRow[] {
	const {entries, feedIndex, rows, selected, pane, theme, width, height, header = []} = screen;
	const panes = headlinePanes(width);
	const feedsTop = feedWindowTop(feedIndex, entries.length, height);
	const separator: StyledSegment = {text: '│', look: theme.muted};
	return Array.from({length: height}, (_, index) => {
		const entry = entries[feedsTop + index];
		const feed = entry ? feedRow(entry, panes.feeds, theme, {selected: feedsTop + index === feedIndex, active: pane === 'feeds'}) : [];
		const line = index - header.length;
		const item = rows[line];
		const headline =
			line < 0
				? header[index]!
				: item
					? headlineRow(item, {...screen, width: panes.list, selected: line === selected, active: pane === 'items'})
					: line === 0 && rows.length === 0
						? emptyListRow(screen.empty, panes.list, theme)
						: [];
		return [...padRow(feed, panes.feeds), separator, ...padRow(headline, panes.list)];
	});
}
