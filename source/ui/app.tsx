import {Box, useApp, useFocusManager, useWindowSize} from 'ink';
import {useEffect, useRef, useState} from 'react';
import type {ReaderPlace, StoredItem} from '../store/store.js';
import {ArticleScreen} from './components/article-screen.js';
import {HeadlinesScreen} from './components/headlines-screen.js';
import {HelpOverlay} from './components/help-overlay.js';
import {KeyQuotesOverlay} from './components/key-quotes-overlay.js';
import {Prompt, promptHeight} from './components/prompt.js';
import {StatusLine} from './components/status-line.js';
import {feedProblemRows} from './feed-problem.js';
import {emptyListText, headlinePanes, showsSource} from './headline-rows.js';
import {useArticleReader} from './hooks/use-article-reader.js';
import {useBackgroundRefresh} from './hooks/use-background-refresh.js';
import {useHeadlines} from './hooks/use-headlines.js';
import {useReaderKeys} from './hooks/use-reader-keys.js';
import type {KeyMap} from './keymap.js';
import type {PreparedScreen, Services} from './services.js';
import {keptInView} from './state/movement.js';
import {hintsFor, refreshResult, statusText} from './status.js';
import type {Theme} from './theme.js';

type Props = {
	readonly services: Services;
	readonly keymap: KeyMap;
	readonly theme: Theme;
	/** Fixed size (tests); otherwise the terminal's, following resizes. */
	readonly width?: number;
	readonly height?: number;
	readonly refreshOnStart?: boolean;
	/** Called as each key arrives (the benchmark's keypress-to-frame timing). */
	readonly onKey?: () => void;
	/** Clickable links (OSC 8) in the article, where the terminal supports them. */
	readonly hyperlinks?: boolean;
	/** The feeds and list the first paint already read: the first render uses them instead of asking again. */
	readonly prepared?: PreparedScreen;
};

/**
 * The reader: routes keys to the screen in front (headlines or article, the help overlay or a
 * prompt over either) and draws it with the status line. Each screen's state lives in its own hook.
 */
export function App({
	services,
	keymap,
	theme,
	width: fixedWidth,
	height: fixedHeight,
	refreshOnStart = false,
	onKey,
	hyperlinks = false,
	prepared,
}: Props) {
	const {exit, suspendTerminal} = useApp();
	const {disableFocus} = useFocusManager();
	const terminal = useWindowSize();
	const width = fixedWidth ?? terminal.columns;
	const height = fixedHeight ?? terminal.rows;
	const mainHeight = Math.max(1, height - 1);
	const {store} = services;

	// Ages in the list change by the minute; a stable "now" keeps memoised rows from re-rendering on every key.
	const [now, setNow] = useState(() => services.now());
	useEffect(() => {
		const timer = setInterval(() => setNow(services.now()), 60_000);
		timer.unref?.();
		return () => clearInterval(timer);
	}, [services]);

	// Ink's own focus handling would take Tab and Esc, which the reader uses.
	useEffect(() => disableFocus(), [disableFocus]);

	// The reading service's line: read again each minute and after each sync, not on every key.
	const [syncLine, setSyncLine] = useState(() => services.syncLine?.());
	const readSyncLine = () => setSyncLine(services.syncLine?.());
	useEffect(() => {
		const timer = setInterval(() => setSyncLine(services.syncLine?.()), 60_000);
		timer.unref?.();
		return () => clearInterval(timer);
	}, [services]);

	const {progress, runRefresh, nextRefresh} = useBackgroundRefresh({
		services,
		refreshOnStart,
		onNewItems: () => headlines.reload(),
		onFinished: (summary, moved) => {
			dispatch({type: 'message', message: refreshResult(summary, moved)});
			headlines.reload();
			readSyncLine();
		},
	});

	const openItem = (item: StoredItem) => {
		if (!item.read) {
			store.setRead([item.id], true);
			headlines.reload();
		}

		reader.open(item.link ?? item.feedUrl, item);
	};

	const headlines = useHeadlines({services, keymap, height: mainHeight, prepared, runRefresh, nextRefresh, openItem});
	const {state, dispatch, list, selectedItem, feedEntry, subscriptions} = headlines;
	const {say} = headlines;
	const reader = useArticleReader({services, width, height: mainHeight, onProblem: (text) => say(text, true)});
	const {entry, layout, scroll, focus, digits} = reader;
	const screen = entry ? 'article' : 'headlines';
	// An error under the add prompt takes rows from the bottom of the screen above it while it shows.
	const shownHeight = Math.max(1, height - (state.prompt ? promptHeight(state.prompt.error, width) : 1));

	// The feed and story in front when the reader closes (q, Ctrl-C, SIGTERM, SIGHUP: all unmount it) are
	// where the next start opens: written once then, not on every key.
	const place = useRef<ReaderPlace>({feedKey: feedEntry.key, itemId: null});
	useEffect(() => {
		place.current = {feedKey: feedEntry.key, itemId: state.search ? null : (selectedItem?.id ?? null)};
	});
	useEffect(() => () => store.setReaderPlace(place.current), [store]);

	const {submitPrompt} = useReaderKeys({
		services,
		keymap,
		headlines,
		reader,
		screen,
		shownHeight,
		onKey,
		say,
		suspend: () => void suspendTerminal(async () => services.suspend()),
		quit: () => {
			reader.savePosition();
			exit();
		},
	});

	// ---------- render ----------
	const status = statusText({
		screen,
		entry,
		layout,
		// In Key quotes the status line is about the chosen quotation, not the link focused in the text.
		focus: reader.keyQuotesView ? -1 : focus,
		progress,
		message: state.message,
		digits,
		search: state.search,
		unreadOnly: state.unreadOnly,
		feedLabel: feedEntry.label,
		count: list.count,
		sync: syncLine,
		speaker: screen === 'article' ? (reader.keyQuotesView?.speaker ?? reader.speakerInView()) : undefined,
	});

	let main;
	if (state.help) {
		main = <HelpOverlay keymap={keymap} screen={screen} scroll={state.helpScroll} width={width} height={shownHeight} theme={theme} />;
	} else if (entry && reader.keyQuotesView) {
		main = (
			<KeyQuotesOverlay
				groups={reader.keyQuotesView.groups}
				selected={reader.keyQuotesView.selected}
				width={width}
				height={shownHeight}
				theme={theme}
			/>
		);
	} else if (entry) {
		main = (
			<ArticleScreen
				entry={entry}
				layout={layout}
				scroll={scroll}
				focus={focus}
				width={width}
				height={shownHeight}
				theme={theme}
				hyperlinks={hyperlinks}
				backKeys={keymap.keysFor('article', 'back').slice(0, 2).join(' or ')}
				browserKey={keymap.keysFor('article', 'openInBrowser')[0] ?? 'o'}
			/>
		);
	} else {
		// The list scrolls only as far as needed to keep the selection on screen (a resize included).
		const top = keptInView(state.listTop, state.selected, headlines.listHeight, list.count);
		main = (
			<HeadlinesScreen
				entries={headlines.feedEntries}
				feedIndex={state.feedIndex}
				rows={list.slice(top, headlines.listHeight)}
				selected={state.selected - top}
				pane={state.pane}
				showSource={showsSource(feedEntry.key, state.search)}
				empty={emptyListText(state.search, state.unreadOnly, subscriptions.length)}
				header={headlines.problem ? feedProblemRows(headlines.problem, headlinePanes(width).list, theme, now) : []}
				theme={theme}
				now={now}
				width={width}
				height={shownHeight}
			/>
		);
	}

	return (
		<Box flexDirection="column" width={width} height={height}>
			{main}
			{state.prompt ? (
				<Prompt
					label={state.prompt.kind === 'add' ? 'Add feed (URL or site):' : 'Search:'}
					line={state.prompt.line}
					onEdit={(line) => dispatch({type: 'editPrompt', line})}
					onSubmit={submitPrompt}
					error={state.prompt.error}
					busy={state.prompt.busy}
					width={width}
					theme={theme}
				/>
			) : (
				<StatusLine hints={hintsFor(screen, keymap)} status={status.text} error={status.error} width={width} theme={theme} />
			)}
		</Box>
	);
}
