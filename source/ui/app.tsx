import {Box, Text, useApp, useFocusManager, useInput, useWindowSize} from 'ink';
import {useCallback, useEffect, useMemo, useRef, useState} from 'react';
import type {StoredItem} from '../store/store.js';
import {starterFeeds} from '../config/default-feeds.js';
import {sanitizeTerminal} from '../text/sanitize.js';
import {ArticleView} from './components/article-view.js';
import {HelpOverlay} from './components/help-overlay.js';
import {Prompt} from './components/prompt.js';
import {StatusLine} from './components/status-line.js';
import {Row, Styled} from './components/styled.js';
import {useArticleReader} from './hooks/use-article-reader.js';
import {useBackgroundRefresh} from './hooks/use-background-refresh.js';
import {allKey, emptyListText, feedEntriesFor, headlineScreenRows, listQuery, showsSource} from './headline-rows.js';
import {findUnread, ItemsPager, ListSource, type HeadlineSource} from './items-pager.js';
import {keyName, type Action, type KeyMap} from './keymap.js';
import {hintsFor, statusText, type Message} from './status.js';
import type {PreparedScreen, Services} from './services.js';
import type {Theme} from './theme.js';
import {plural} from '../text/plural.js';

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

type PromptState = {readonly kind: 'add' | 'search'; readonly value: string; readonly error?: string | undefined; readonly busy?: boolean};

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
	const {exit} = useApp();
	const {disableFocus} = useFocusManager();
	const terminal = useWindowSize();
	const width = fixedWidth ?? terminal.columns;
	const height = fixedHeight ?? terminal.rows;
	const mainHeight = Math.max(1, height - 1);
	const {store, settings} = services;

	const [dataVersion, setDataVersion] = useState(0);
	const reload = useCallback(() => setDataVersion((version) => version + 1), []);
	const [pane, setPane] = useState<'feeds' | 'items'>('items');
	const [feedIndex, setFeedIndex] = useState(0);
	const [selected, setSelected] = useState(0);
	const selectedId = useRef<number | undefined>(undefined);
	const [listTop, setListTop] = useState(0);
	const [unreadOnly, setUnreadOnly] = useState(false);
	const [search, setSearch] = useState<{query: string} | undefined>();
	const [prompt, setPrompt] = useState<PromptState | undefined>();
	const [help, setHelp] = useState(false);
	const [message, setMessage] = useState<Message | undefined>();
	// Ages in the list change by the minute; a stable "now" keeps memoised rows from re-rendering on every key.
	const [now, setNow] = useState(() => services.now());
	useEffect(() => {
		const timer = setInterval(() => setNow(services.now()), 60_000);
		timer.unref?.();
		return () => clearInterval(timer);
	}, [services]);

	// Ink's own focus handling would take Tab and Esc, which the reader uses.
	useEffect(() => disableFocus(), [disableFocus]);

	const subscriptions = useMemo(() => settings.get('subscriptions'), [settings, dataVersion]); // eslint-disable-line react-hooks/exhaustive-deps
	// What the first paint read stays good until the data first changes (dataVersion 0).
	const feeds = useMemo(() => (dataVersion === 0 && prepared ? prepared.feeds : store.feedListing()), [store, dataVersion, prepared]);
	const feedEntries = useMemo(() => feedEntriesFor(subscriptions, feeds), [feeds, subscriptions]);
	const feedEntry = feedEntries[Math.min(feedIndex, feedEntries.length - 1)]!;

	const source: HeadlineSource = useMemo(() => {
		if (dataVersion === 0 && prepared && feedEntry.key === allKey && !unreadOnly && !search) return prepared.list;
		if (search) return new ListSource(store.search(search.query));
		return new ItemsPager(store, listQuery(feedEntry.key, feeds, unreadOnly));
	}, [store, feeds, feedEntry.key, unreadOnly, search, dataVersion, prepared]);

	// New data keeps the selection on the same story, wherever it moved to.
	useEffect(() => {
		const index = selectedId.current === undefined ? undefined : source.indexOf(selectedId.current);
		setSelected((current) => Math.max(0, Math.min(index ?? current, source.count - 1)));
	}, [source]);

	const selectedItem = source.at(selected);
	useEffect(() => {
		selectedId.current = selectedItem?.id;
	}, [selectedItem?.id]);
	const reader = useArticleReader({services, width, height: mainHeight, onProblem: (text) => setMessage({text, error: true})});
	const {entry, layout, scroll, focus, digits} = reader;
	const screen = entry ? 'article' : 'headlines';

	// ---------- refresh ----------
	const {progress, runRefresh} = useBackgroundRefresh({
		services,
		refreshOnStart,
		onNewItems: reload,
		onFinished: (summary, moved) => {
			// A feed that moved for good is followed from now on; say where, since its address changed.
			const movedText = moved.length === 1 ? ` · moved to ${moved[0]}` : moved.length > 1 ? ` · ${plural(moved.length, 'feed')} moved` : '';
			setMessage(
				summary instanceof Error
					? {text: `Refresh failed: ${summary.message}${movedText}`, error: true}
					: {
							text: `Refreshed ${plural(summary.total, 'feed')}: ${summary.newItems} new${summary.failed > 0 ? ` · ${summary.failed} failed` : ''}${summary.deferred > 0 ? ` · ${summary.deferred} deferred (server asked to wait)` : ''}${movedText}`,
							error: summary.failed > 0,
						},
			);
			reload();
		},
	});

	const openItem = (item: StoredItem) => {
		if (!item.read) {
			store.setRead([item.id], true);
			reload();
		}

		reader.open(item.link ?? item.feedUrl, item);
	};

	const currentUrl = (): string | undefined => (screen === 'article' ? reader.currentUrl() : (selectedItem?.link ?? undefined));

	// ---------- keys ----------
	const act = (action: Action) => {
		const page = Math.max(1, mainHeight - 2);
		const moveSelection = (to: number) => setSelected(Math.max(0, Math.min(source.count - 1, to)));
		const moveFeed = (to: number) => {
			setFeedIndex(Math.max(0, Math.min(feedEntries.length - 1, to)));
			setSelected(0);
			selectedId.current = undefined;
			setListTop(0);
		};

		switch (action) {
			case 'quit': {
				exit();
				return;
			}

			case 'help': {
				setHelp((shown) => !shown);
				return;
			}

			case 'openInBrowser': {
				const url = currentUrl();
				if (url) {
					setMessage({text: `Opening ${url}…`, error: false});
					void services.openInBrowser(url).then((result) =>
						setMessage(
							result.ok
								? {text: `Opened with ${result.command}: ${url}`, error: false}
								: {
										text: `Could not open a browser (${result.reason}): ${keymap.keysFor(screen, 'copyUrl')[0] ?? 'y'} copies the URL`,
										error: true,
									},
						),
					);
				}

				return;
			}

			case 'copyUrl': {
				const url = currentUrl();
				if (url) {
					services.copyToClipboard(url);
					setMessage({text: `Copied ${url}`, error: false});
				}

				return;
			}

			default:
		}

		if (screen === 'article') {
			if (reader.handle(action)) return;
			if (action === 'toggleStar' && entry?.item) {
				const starred = !store.item(entry.item.id)?.starred;
				store.setStarred(entry.item.id, starred);
				setMessage({text: starred ? 'Starred' : 'Unstarred', error: false});
				reload();
			}

			return;
		}

		if (pane === 'feeds') {
			switch (action) {
				case 'down': {
					moveFeed(feedIndex + 1);
					return;
				}

				case 'up': {
					moveFeed(feedIndex - 1);
					return;
				}

				case 'top': {
					moveFeed(0);
					return;
				}

				case 'bottom': {
					moveFeed(feedEntries.length - 1);
					return;
				}

				case 'pageDown': {
					moveFeed(feedIndex + page);
					return;
				}

				case 'pageUp': {
					moveFeed(feedIndex - page);
					return;
				}

				case 'open':
				case 'switchPane': {
					setPane('items');
					return;
				}

				default:
			}
		}

		switch (action) {
			case 'down': {
				moveSelection(selected + 1);
				return;
			}

			case 'up': {
				moveSelection(selected - 1);
				return;
			}

			case 'pageDown': {
				moveSelection(selected + page);
				return;
			}

			case 'pageUp': {
				moveSelection(selected - page);
				return;
			}

			case 'top': {
				moveSelection(0);
				return;
			}

			case 'bottom': {
				moveSelection(source.count - 1);
				return;
			}

			case 'switchPane': {
				setPane((current) => (current === 'feeds' ? 'items' : 'feeds'));
				return;
			}

			case 'open': {
				if (selectedItem) openItem(selectedItem);
				return;
			}

			case 'nextUnread':
			case 'previousUnread': {
				const index = findUnread(source, selected, action === 'nextUnread' ? 1 : -1);
				if (index === undefined) setMessage({text: 'No more unread stories', error: false});
				else moveSelection(index);
				return;
			}

			case 'toggleRead': {
				if (selectedItem) {
					store.setRead([selectedItem.id], !selectedItem.read);
					reload();
				}

				return;
			}

			case 'toggleStar': {
				if (selectedItem) {
					store.setStarred(selectedItem.id, !selectedItem.starred);
					reload();
				}

				return;
			}

			case 'markAllRead': {
				const ids: number[] = [];
				for (let index = 0; index < source.count; index++) {
					const item = source.at(index)!;
					if (!item.read) ids.push(item.id);
				}

				store.setRead(ids, true);
				setMessage({text: `Marked ${plural(ids.length, 'story')} read`, error: false});
				reload();
				return;
			}

			case 'refresh': {
				const subscription = subscriptions.find((candidate) => candidate.url === feedEntry.key);
				runRefresh(subscription ? [subscription] : subscriptions);
				return;
			}

			case 'refreshAll': {
				runRefresh(subscriptions);
				return;
			}

			case 'toggleUnreadOnly': {
				setUnreadOnly((current) => !current);
				setMessage({text: unreadOnly ? 'Showing every story' : 'Showing unread stories only', error: false});
				return;
			}

			case 'addFeed': {
				setPrompt({kind: 'add', value: ''});
				return;
			}

			case 'addStarterFeeds': {
				if (subscriptions.length > 0) {
					setMessage({text: 'The starter feeds are offered while you follow no feed: a adds one', error: false});
					return;
				}

				// The list as it is now decides: another process may have subscribed meanwhile.
				const added = settings.update('subscriptions', (current) => (current.length > 0 ? current : starterFeeds));
				setMessage({text: `Following ${plural(added.length, 'feed')}: refreshing`, error: false});
				reload();
				runRefresh(added);
				return;
			}

			case 'search': {
				setPrompt({kind: 'search', value: search?.query ?? ''});
				return;
			}

			case 'back': {
				if (search) {
					setSearch(undefined);
					setSelected(0);
				}

				return;
			}

			default:
		}
	};

	useInput(
		(input, key) => {
			onKey?.();
			const name = keyName(input, key);
			if (help) {
				if (name === '?' || name === 'escape' || name === 'q') setHelp(false);
				else if (name === 'ctrl-c') exit();
				return;
			}

			setMessage(undefined);
			if (screen === 'article' && /^\d$/.test(input) && !key.ctrl && !key.meta) {
				reader.typeDigit(input);
				return;
			}

			const action = keymap.lookup(screen, name);
			if (action) act(action);
			else reader.clearDigits();
		},
		{isActive: !prompt},
	);

	// While a prompt is open only Esc (cancel) and Ctrl-C reach the app; everything else is typing.
	useInput(
		(input, key) => {
			if (key.escape) setPrompt(undefined);
			else if (key.ctrl && input === 'c') exit();
		},
		{isActive: Boolean(prompt)},
	);

	const submitPrompt = (value: string) => {
		if (!prompt) return;
		if (prompt.kind === 'search') {
			setPrompt(undefined);
			if (value.trim()) {
				setSearch({query: value.trim()});
				setSelected(0);
				setPane('items');
			} else {
				setSearch(undefined);
			}

			return;
		}

		if (!value.trim()) {
			setPrompt(undefined);
			return;
		}

		setPrompt({...prompt, value, busy: true, error: undefined});
		services.addFeed(value).then(
			(result) => {
				setPrompt(undefined);
				setMessage({
					text:
						result.status === 'exists'
							? `Already subscribed to ${result.url}`
							: `Subscribed to ${result.title}: ${plural(result.items, 'story')}`,
					error: false,
				});
				reload();
			},
			(error: unknown) => setPrompt({kind: 'add', value, busy: false, error: error instanceof Error ? error.message : String(error)}),
		);
	};

	// ---------- render ----------
	// The list scrolls only as far as needed to keep the selection on screen.
	let top = listTop;
	if (selected < top) top = selected;
	if (selected >= top + mainHeight) top = selected - mainHeight + 1;
	top = Math.max(0, Math.min(top, Math.max(0, source.count - mainHeight)));
	if (top !== listTop) setListTop(top);

	const status = statusText({
		screen,
		entry,
		layout,
		focus,
		progress,
		message,
		digits,
		search,
		unreadOnly,
		feedLabel: feedEntry.label,
		count: source.count,
	});
	const hints = hintsFor(screen, keymap);
	let main;
	if (help) {
		main = <HelpOverlay keymap={keymap} screen={screen} width={width} height={mainHeight} theme={theme} />;
	} else if (entry) {
		main =
			entry.status === 'ready' && layout ? (
				<ArticleView
					layout={layout}
					scroll={scroll}
					focus={focus}
					width={width}
					height={mainHeight}
					theme={theme}
					hyperlinks={hyperlinks}
				/>
			) : (
				<Box height={mainHeight} width={width} paddingLeft={2} paddingTop={1} flexDirection="column">
					{entry.status === 'loading' ? (
						<Text wrap="truncate-end">
							<Styled look={theme.muted}>{`Loading ${sanitizeTerminal(entry.url)} …`}</Styled>
						</Text>
					) : (
						<>
							<Styled look={theme.error}>Could not open this page</Styled>
							<Text wrap="truncate-end">{sanitizeTerminal(entry.error ?? '')}</Text>
							<Text> </Text>
							<Styled look={theme.muted}>Esc or Backspace goes back · o opens it in the browser</Styled>
						</>
					)}
				</Box>
			);
	} else {
		const rows = headlineScreenRows({
			entries: feedEntries,
			feedIndex,
			rows: source.slice(top, mainHeight),
			selected: selected - top,
			pane,
			showSource: showsSource(feedEntry.key, search),
			empty: emptyListText(search, unreadOnly, subscriptions.length),
			theme,
			now,
			width,
			height: mainHeight,
		});
		main = (
			<Box flexDirection="column" height={mainHeight}>
				{rows.map((row, index) => (
					// Rows are screen lines: the line number is the identity.
					<Row key={index} segments={row} />
				))}
			</Box>
		);
	}

	return (
		<Box flexDirection="column" width={width} height={height}>
			{main}
			{prompt ? (
				<Prompt
					label={prompt.kind === 'add' ? 'Add feed (URL or site):' : 'Search:'}
					value={prompt.value}
					onChange={(value) => setPrompt({...prompt, value, error: undefined})}
					onSubmit={submitPrompt}
					error={prompt.error}
					busy={prompt.busy}
					theme={theme}
				/>
			) : (
				<StatusLine hints={hints} status={status.text} error={status.error} width={width} theme={theme} />
			)}
		</Box>
	);
}
