import {createWriteStream} from 'node:fs';
import {render} from 'ink';
import type {Library} from '../commands/library.js';
import {App} from './app.js';
import type {ReaderStart} from './first-paint.js';
import {hyperlinksSupported} from './terminal-features.js';
import {syncLineOf} from './sync-line.js';
import type {Services} from './services.js';
import type {OpenResult} from '../system/open-url.js';

/**
 * The full-screen reader. Ink is loaded only here, and only on a terminal: cli.tsx sends pipes
 * and scripts elsewhere. Output from libraries goes to the log file, never over the screen.
 */
export async function runReader(library: Library, start: ReaderStart): Promise<void> {
	const {store, settings} = library;
	// The network, extraction and parsing code loads after the first frame, when it is first needed.
	const services: Services = {
		store,
		settings,
		async loadItemArticle(item, signal) {
			const {articleForItem} = await import('../operations/article-for-item.js');
			return articleForItem(store, item, {userAgent: settings.get('userAgent') ?? undefined, signal});
		},
		async loadUrlArticle(url, signal) {
			const {articleForUrl} = await import('../operations/article-for-item.js');
			return articleForUrl(store, url, {userAgent: settings.get('userAgent') ?? undefined, signal});
		},
		async refresh(subscriptions, onEvent) {
			// With a reading service connected, r and R sync: the service fetches its feeds (fetching one here would double its items).
			const {readAccount} = await import('../sync/account.js');
			const account = readAccount(library.paths);
			if (account) {
				const {readerSync} = await import('../sync/sync-and-refresh.js');
				return readerSync(store, settings, account, onEvent);
			}

			const {refreshWithSettings} = await import('../refresh/with-settings.js');
			return refreshWithSettings(store, settings, subscriptions, {onEvent});
		},
		syncLine: () => syncLineOf(library.paths, store, new Date()),
		async addFeed(input) {
			const {addSubscription} = await import('../operations/subscribe.js');
			return addSubscription(settings, store, input);
		},
		openInBrowser,
		copyToClipboard(text) {
			// OSC 52: the terminal puts it on the clipboard, over SSH too. The text is a URL we resolved ourselves.
			process.stdout.write(`\u001B]52;c;${Buffer.from(text).toString('base64')}\u0007`);
		},
		suspend: () => start.screen.suspend(),
		now: () => new Date(),
	};

	const trace = frameTrace(process.env['BROADSHEET_TRACE']);
	trace?.paint(start.paintedAt);
	const instance = render(
		<App
			services={services}
			keymap={start.keymap}
			theme={start.theme}
			prepared={start.prepared}
			refreshOnStart={settings.get('refreshOnStart')}
			onKey={trace?.key}
			hyperlinks={hyperlinksSupported(process.env)}
		/>,
		{
			// The first paint took the alternate screen already; Ink entering it again would clear it.
			alternateScreen: false,
			// From the terminal itself, not the CI variable: a user's shell with CI=true still gets the reader.
			interactive: Boolean(process.stdin.isTTY && process.stdout.isTTY),
			patchConsole: false,
			maxFps: 60,
			...(trace ? {onRender: trace.frame} : {}),
		},
	);
	const stop = () => instance.unmount();
	process.once('SIGTERM', stop);
	process.once('SIGHUP', stop);
	try {
		await instance.waitUntilExit();
	} finally {
		process.off('SIGTERM', stop);
		process.off('SIGHUP', stop);
		start.screen.leave();
		trace?.close();
	}
}

/**
 * BROADSHEET_TRACE=<file>: one line per key received and per frame drawn, with times since start,
 * for `npm run bench` to measure keypress-to-frame latency inside the process.
 */
function frameTrace(file: string | undefined) {
	if (!file) return undefined;
	const out = createWriteStream(file);
	return {
		paint: (time: number) => out.write(`paint ${time.toFixed(3)}\n`),
		key: () => out.write(`key ${performance.now().toFixed(3)}\n`),
		frame: ({renderTime}: {renderTime: number}) => out.write(`frame ${performance.now().toFixed(3)} ${renderTime.toFixed(3)}\n`),
		close: () => out.end(),
	};
}

async function openInBrowser(url: string): Promise<OpenResult> {
	const {openUrl} = await import('../system/open-url.js');
	return openUrl(url);
}
