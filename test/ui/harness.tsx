import {readFileSync} from 'node:fs';
import {render} from 'ink-testing-library';
import {extractArticle} from '../../source/articles/extract.js';
import {documentFromFeedItem} from '../../source/articles/from-feed.js';
import {defaultSettings, type Settings} from '../../source/config/settings.js';
import {parseFeed} from '../../source/feeds/parse.js';
import {Store} from '../../source/store/store.js';
import {App} from '../../source/ui/app.js';
import {firstScreen} from '../../source/ui/first-paint.js';
import {createKeyMap} from '../../source/ui/keymap.js';
import type {RefreshSummary} from '../../source/refresh/refresh.js';
import type {OpenResult} from '../../source/system/open-url.js';
import type {Services} from '../../source/ui/services.js';
import {chooseTheme} from '../../source/ui/theme.js';
import {fixturesDirectory, seedHost} from '../helpers/paths.js';

export const seedUrl = 'https://www.aljazeera.com/news/2017/08/tillerson-lavrov-russian-meddling-led-mistrust-170807054302155.html';

/** A page of the fixture site, extracted for real: what the reader gets when it follows a link there. */
export function fixtureArticle(url: string) {
	const path = `${fixturesDirectory}${seedHost}${new URL(url).pathname}`;
	return extractArticle(readFileSync(path, 'utf8'), url);
}

/** The reader over a real store holding the fixture feed; pages come from the fixture site on disk. */
export async function renderReader(
	options: {
		width?: number;
		height?: number;
		color?: boolean;
		keyBindings?: Record<string, string[]>;
		hyperlinks?: boolean;
		/** Start as the CLI does: the first paint's rows first, then the app over what they read. */
		firstPaint?: boolean;
		/** What R does instead of the default (nothing to fetch). */
		refresh?: Services['refresh'];
		/** What `o` reports; by default a browser that opened. */
		openResult?: OpenResult;
		/** What the user follows; by default the fixture feed, whose items the store holds. */
		subscriptions?: Settings['subscriptions'];
		/** A store from an earlier run (the reader restarted over it); by default a new one with the fixture feed. */
		store?: Store;
		/** The clock; by default the fixture feed's morning. */
		now?: () => Date;
		/** What the add prompt does with its input; by default every input is "not a feed". */
		addFeed?: Services['addFeed'];
	} = {},
) {
	const feedUrl = 'https://www.aljazeera.com/xml/rss/all.xml';
	const store = options.store ?? (await fixtureStore(feedUrl));
	const subscriptions = options.subscriptions ?? [{url: feedUrl, tags: []}];
	const opened: string[] = [];
	const copied: string[] = [];
	const suspended: number[] = [];
	const services: Services = {
		store,
		settings: memorySettings({subscriptions, refreshIntervalMinutes: 0, keyBindings: {}}),
		loadItemArticle: async (item) => (item.link ? fixtureArticle(item.link) : documentFromFeedItem(item, {url: feedUrl, title: null})),
		loadUrlArticle: async (url) => fixtureArticle(url),
		refresh: options.refresh ?? (async () => refreshSummary()),
		addFeed:
			options.addFeed ??
			(async (input) => {
				throw new Error(`not a feed: ${input}`);
			}),
		async openInBrowser(url) {
			opened.push(url);
			return options.openResult ?? {ok: true, command: 'test-browser'};
		},
		copyToClipboard: (text) => copied.push(text),
		suspend: () => suspended.push(Date.now()),
		now: options.now ?? (() => new Date('2017-08-07T08:00:00Z')),
	};
	const keymap = createKeyMap(options.keyBindings);
	const theme = chooseTheme('dark', {color: options.color ?? true});
	const size = {width: options.width ?? 100, height: options.height ?? 30};
	const painted = options.firstPaint ? firstScreen(services, {...size, keymap, theme, now: services.now()}) : undefined;
	const view = render(
		<App
			services={services}
			keymap={keymap}
			theme={theme}
			{...size}
			hyperlinks={options.hyperlinks ?? false}
			{...(painted ? {prepared: painted.prepared} : {})}
		/>,
	);
	// The test terminal keeps no input for later, as a real one does: wait until Ink listens (its effects
	// may run late on a loaded machine) before a test types.
	while (view.stdin.listenerCount('readable') === 0) await new Promise((resolve) => setTimeout(resolve, 5));
	return {...view, store, settings: services.settings, opened, copied, suspended, firstPaintRows: painted?.rows};
}

/** A store holding the fixture feed, as after its first refresh. */
export async function fixtureStore(feedUrl: string): Promise<Store> {
	const store = Store.open(':memory:');
	const feed = await parseFeed(readFileSync(`${fixturesDirectory}${seedHost}/xml/rss/all.xml`, 'utf8'), feedUrl);
	store.saveFetched(store.ensureFeed(feedUrl).id, feed, {
		etag: undefined,
		lastModified: undefined,
		now: '2017-08-07T08:00:00Z',
		keep: 1000,
	});
	return store;
}

export const keys = {
	enter: '\r',
	escape: '\u001B',
	tab: '\t',
	shiftTab: '\u001B[Z',
	backspace: '\u007F',
	down: '\u001B[B',
	up: '\u001B[A',
	pageDown: '\u001B[6~',
};

/** Input and rendering are asynchronous: type, then wait for the frame (longer after a bare Esc). */
export async function press(stdin: {write: (data: string) => void}, ...inputs: string[]): Promise<void> {
	for (const input of inputs) {
		stdin.write(input);
		await new Promise((resolve) => setTimeout(resolve, input === keys.escape ? 120 : 40));
	}
}

/** Waits until the frame satisfies `check` (articles load asynchronously). */
export async function waitFor(frame: () => string | undefined, check: (text: string) => boolean, timeout = 15_000): Promise<string> {
	const started = Date.now();
	for (;;) {
		const text = frame() ?? '';
		if (check(text)) return text;
		if (Date.now() - started > timeout) throw new Error(`timed out waiting; last frame:\n${text}`);
		await new Promise((resolve) => setTimeout(resolve, 20));
	}
}

/** The frame without colour codes. */
export function plain(text: string | undefined): string {
	return (text ?? '').replace(/\u001B\[[\d;]*m/g, '').replace(/\u001B\]8;;[^\u0007]*\u0007/g, '');
}

/** Settings held in memory, read and changed as the file-backed ones are. */
function memorySettings(values: Partial<Settings>): Services['settings'] {
	const settings: Settings = {...defaultSettings, ...values};
	return {
		get: (key) => structuredClone(settings[key]),
		update(key, change) {
			settings[key] = change(structuredClone(settings[key]));
			return settings[key];
		},
	};
}

/** A refresh that fetched nothing, with `counts` over it: what a test's own `refresh` reports. */
export function refreshSummary(counts: Partial<RefreshSummary> = {}): RefreshSummary {
	return {
		total: 0,
		updated: 0,
		notModified: 0,
		failed: 0,
		deferred: 0,
		newItems: 0,
		milliseconds: 0,
		failures: [],
		deferrals: [],
		...counts,
	};
}
