import chalk from 'chalk';
import type {Library} from '../commands/library.js';
import type {SettingsStore} from '../config/settings.js';
import type {Store} from '../store/store.js';
import {enterFullScreen, type FullScreen} from './full-screen.js';
import {nextRunAfter} from '../refresh/schedule.js';
import {feedProblemFor, feedProblemHeight, feedProblemRows} from './feed-problem.js';
import {
	emptyListText,
	feedEntriesFor,
	headlinePanes,
	headlineScreenRows,
	listQuery,
	showsSource,
	statusRow,
	type StyledRow,
} from './headline-rows.js';
import {ItemsPager} from './items-pager.js';
import {createKeyMap, type KeyMap} from './keymap.js';
import type {PreparedScreen} from './services.js';
import {keptInView} from './state/movement.js';
import {hintsFor, restingHeadlines, statusText} from './status.js';
import {syncLineOf} from './sync-line.js';
import type {AppPaths} from '../config/paths.js';
import {chooseTheme, colorWanted, type Look, type Theme} from './theme.js';

/** What the reader starts from: the terminal already taken, and what the first paint chose and read. */
export type ReaderStart = {
	readonly screen: FullScreen;
	readonly keymap: KeyMap;
	readonly theme: Theme;
	/** performance.now() when the headlines were on screen. */
	readonly paintedAt: number;
	readonly prepared: PreparedScreen;
};

/**
 * Puts the headline list on screen straight from the store, before Ink and React have loaded
 * (they take ~150 ms more): the rows the reader's first frame draws, so when Ink takes over it
 * writes what is already there. Keys pressed meanwhile wait for it in the terminal.
 */
export function paintFirstScreen(
	library: Library,
	options: {readonly color: boolean | undefined; readonly styleLevel: 1 | 2 | 3},
): ReaderStart {
	// One chalk styles everything on screen: these rows, Ink's <Text> and the prompt's cursor.
	chalk.level = options.styleLevel;
	const keymap = createKeyMap(library.settings.get('keyBindings'));
	const theme = chooseTheme(library.settings.get('theme'), {color: colorWanted(process.env, options.color)});
	const {rows, prepared} = firstScreen(library, {
		width: process.stdout.columns,
		height: process.stdout.rows,
		keymap,
		theme,
		now: new Date(),
	});
	const screen = enterFullScreen(library.paths.logFile);
	// Each row at its own line, then the cursor home, where Ink's first frame starts writing. Autowrap
	// is off meanwhile: on a terminal too narrow for the two panes a row is clipped, never wrapped.
	const lines = rows.map((row, index) => `\u001B[${index + 1};1H${ansiRow(row)}`).join('');
	process.stdout.write(`\u001B[?7l${lines}\u001B[?7h\u001B[H`);
	return {screen, keymap, theme, paintedAt: performance.now(), prepared};
}

/** The reader's opening screen (the feed and story it left, else All and the newest story) as rows, and what it read. */
export function firstScreen(
	library: {readonly store: Store; readonly settings: Pick<SettingsStore, 'get'>; readonly paths?: Pick<AppPaths, 'stateDirectory'>},
	view: {readonly width: number; readonly height: number; readonly keymap: KeyMap; readonly theme: Theme; readonly now: Date},
): {rows: StyledRow[]; prepared: PreparedScreen} {
	const {width, theme, keymap, now} = view;
	const mainHeight = Math.max(1, view.height - 1);
	const feeds = library.store.feedListing();
	const subscriptions = library.settings.get('subscriptions');
	const unreadCopies = library.store.copyCount(true);
	const entries = feedEntriesFor(subscriptions, feeds, unreadCopies);
	const place = library.store.readerPlace();
	const feedIndex = Math.max(
		0,
		entries.findIndex((entry) => entry.key === place?.feedKey),
	);
	const entry = entries[feedIndex]!;
	const problem = feedProblemFor(
		library.store,
		entry,
		nextRunAfter(now.getTime(), library.settings.get('refreshIntervalMinutes'), now.getTime()),
		keymap,
	);
	const listHeight = Math.max(1, mainHeight - (problem ? feedProblemHeight : 0));
	const list = new ItemsPager(library.store, listQuery(entry.key, feeds, false));
	const found = place?.itemId === null || place?.itemId === undefined ? undefined : list.indexOf(place.itemId);
	const selected = found ?? 0;
	// A story far down the list opens in the middle of the screen, not on its last row.
	const listTop = keptInView(selected - Math.floor(listHeight / 2), selected, listHeight, list.count);
	const rows = headlineScreenRows({
		entries,
		feedIndex,
		rows: list.slice(listTop, listHeight),
		selected: selected - listTop,
		pane: 'items',
		showSource: showsSource(entry.key, undefined),
		empty: emptyListText(undefined, false, subscriptions.length),
		header: problem ? feedProblemRows(problem, headlinePanes(width).list, theme, now) : [],
		theme,
		now,
		width,
		height: mainHeight,
	});
	const status = statusText(
		restingHeadlines(entry.label, list.count, library.paths ? syncLineOf(library.paths, library.store, now) : undefined),
	);
	rows.push(statusRow(hintsFor('headlines', keymap), status.text, status.error, width, theme));
	return {
		rows,
		prepared: {
			feeds,
			unreadCopies,
			feedKey: entry.key,
			list,
			place: {feedIndex, selected, selectedId: found === undefined ? undefined : place!.itemId!, listTop},
		},
	};
}

/** A row as terminal text, styled as Ink's <Text> styles it: the same library, in the same order. */
export function ansiRow(row: StyledRow): string {
	return row.map((segment) => styled(segment.text, segment.look)).join('');
}

function styled(text: string, look: Look): string {
	let result = text;
	if (look.dim) result = chalk.dim(result);
	if (look.color) result = look.color.startsWith('#') ? chalk.hex(look.color)(result) : colorByName(look.color)(result);
	if (look.bold) result = chalk.bold(result);
	if (look.italic) result = chalk.italic(result);
	if (look.underline) result = chalk.underline(result);
	if (look.inverse) result = chalk.inverse(result);
	return result;
}

function colorByName(name: string): (text: string) => string {
	const paint = (chalk as unknown as Record<string, unknown>)[name];
	return typeof paint === 'function' ? (paint as (text: string) => string) : (text) => text;
}
