import {readFile} from 'node:fs/promises';
import {BroadsheetError, describeUrl, isBroadsheetError} from '../net/errors.js';
import {redactUrl} from '../net/url.js';
import {sanitizeOptional, sanitizeTerminal} from '../text/sanitize.js';
import {matchSubscriptions, subscribedFeeds, type Library} from './library.js';
import {exitCode, printError, UsageError} from './output.js';
import {writeOut} from './output-stream.js';
import {plural} from '../text/plural.js';

/** `broadsheet add <url>`: a feed URL, or a site whose page advertises its feeds. Stores the items right away. */
export async function addCommand(
	library: Library,
	input: string | undefined,
	options: {title?: string; tags: readonly string[]},
): Promise<number> {
	if (!input) throw new UsageError('add needs a feed or site URL: broadsheet add <url>');
	// The network and HTML code load only here: feeds, remove and unread (status bars run it every few seconds) stay light.
	const {addSubscription} = await import('../operations/subscribe.js');
	const {ServiceSubscriptions} = await import('../sync/service-subscriptions.js');
	const service = ServiceSubscriptions.open(library.paths, library.store);
	const result = await addSubscription(library.settings, library.store, input, options);
	if (result.status === 'added' && service.connected) {
		try {
			await service.add({url: result.url, ...(options.title ? {title: options.title} : {}), tags: [...options.tags]});
		} catch (error) {
			// Not on the service, so not followed here either: with a service, its list is the one.
			library.settings.update('subscriptions', (subscriptions) => subscriptions.filter((subscription) => subscription.url !== result.url));
			library.store.removeFeed(result.url);
			throw error;
		}
	}

	if (result.status === 'exists') {
		await writeOut(`Already subscribed to ${describeUrl(result.url)}\n`);
		return exitCode.ok;
	}

	for (const warning of result.warnings) printError(`warning: ${describeUrl(result.url)}: ${warning}`);
	await writeOut(
		`Subscribed to ${sanitizeTerminal(result.title, {maxLength: 200})} (${describeUrl(result.url)}): ${plural(result.items, 'item')}\n`,
	);
	return exitCode.ok;
}

/** `broadsheet remove <url|title>`: drops the subscription, its items and read state. */
export async function removeCommand(library: Library, names: readonly string[]): Promise<number> {
	if (names.length === 0) throw new UsageError('remove needs a feed URL or title: broadsheet remove <url|title>');
	const doomed = matchSubscriptions(library, names);
	const urls = new Set(doomed.map((subscription) => subscription.url));
	const {ServiceSubscriptions} = await import('../sync/service-subscriptions.js');
	const service = ServiceSubscriptions.open(library.paths, library.store);
	for (const subscription of doomed) await service.remove(subscription.url);
	library.settings.update('subscriptions', (subscriptions) => subscriptions.filter((subscription) => !urls.has(subscription.url)));
	for (const subscription of doomed) library.store.removeFeed(subscription.url);
	await writeOut(
		doomed
			.map((subscription) => `Removed ${subscription.title ? sanitizeTerminal(subscription.title) : describeUrl(subscription.url)}\n`)
			.join(''),
	);
	return exitCode.ok;
}

/** `broadsheet edit <url|title> [--title T] [--tag X]...`: your own title, and the tags (replaced), for one feed. */
export async function editCommand(
	library: Library,
	names: readonly string[],
	options: {title?: string | undefined; tags?: readonly string[] | undefined},
): Promise<number> {
	if (names.length !== 1) throw new UsageError('edit takes one feed URL or title: broadsheet edit <url|title> --title <title> --tag <tag>');
	if (options.title === undefined && options.tags === undefined) throw new UsageError('edit needs --title or --tag (or both)');
	const [target] = matchSubscriptions(library, names);
	const {ServiceSubscriptions} = await import('../sync/service-subscriptions.js');
	await ServiceSubscriptions.open(library.paths, library.store).edit(target!, options);
	library.settings.update('subscriptions', (subscriptions) =>
		subscriptions.map((subscription) => {
			if (subscription.url !== target!.url) return subscription;
			const {title: _title, ...rest} = subscription;
			const title = options.title ?? subscription.title;
			return {...rest, ...(title ? {title} : {}), tags: options.tags ? [...new Set(options.tags)] : subscription.tags};
		}),
	);
	// Lists and exports show the new title at once, not after the next refresh.
	if (options.title !== undefined) library.store.ensureFeed(target!.url, options.title || undefined);
	await writeOut(
		`Updated ${options.title || target!.title ? sanitizeTerminal(options.title || target!.title!, {maxLength: 200}) : describeUrl(target!.url)}\n`,
	);
	return exitCode.ok;
}

/** `broadsheet feeds [--json]`: every subscription with its counts and health. */
export async function feedsCommand(library: Library, options: {json: boolean}): Promise<number> {
	const list = subscribedFeeds(library).map(({subscription, row, title}) => {
		return {
			title: sanitizeOptional(title, {maxLength: 300}),
			url: redactUrl(subscription.url),
			tags: subscription.tags.join(', '),
			unread: row?.unread ?? 0,
			total: row?.total ?? 0,
			lastSuccess: row?.lastSuccess ?? null,
			lastError: row?.errorMessage ?? null,
			warning: sanitizeOptional(row?.warning ?? null, {maxLength: 300}),
		};
	});
	if (options.json) {
		await writeOut(JSON.stringify(list, null, 2) + '\n');
		return exitCode.ok;
	}

	const lines = list.map((feed) => {
		// Errors begin with the URL they are about; it is on this line already.
		const status = feed.lastError
			? `✗ ${withoutPrefix(feed.lastError, `${feed.url}: `)}`
			: feed.lastSuccess
				? `updated ${feed.lastSuccess.slice(0, 16).replace('T', ' ')}`
				: 'never refreshed';
		const warning = feed.warning ? `\n              ⚠ ${feed.warning}` : '';
		const heading = `${String(feed.unread).padStart(5)} / ${String(feed.total).padEnd(5)} ${feed.title ?? feed.url}`;
		return `${heading}\n              ${feed.title ? `${feed.url}  ` : ''}${status}${warning}`;
	});
	await writeOut(
		sanitizeTerminal(lines.join('\n'), {keepNewlines: true}) + (lines.length > 0 ? '\n' : 'No subscriptions: broadsheet add <url>\n'),
	);
	return exitCode.ok;
}

/** `broadsheet import <file.opml>`: adds new subscriptions, reports what it skipped. Run `refresh` to fetch them. */
export async function importCommand(library: Library, file: string | undefined): Promise<number> {
	if (!file) throw new UsageError('import needs an OPML file: broadsheet import <file.opml>');
	const text = await readFile(file, 'utf8').catch((error: NodeJS.ErrnoException) => {
		throw new BroadsheetError('file', `${describeUrl(file)}: ${error.code === 'ENOENT' ? 'no such file' : error.message}`);
	});
	const {parseOpml} = await import('../render/opml.js');
	let parsed;
	try {
		parsed = parseOpml(text);
	} catch (error) {
		throw new BroadsheetError('parse', `${describeUrl(file)}: ${(error as Error).message}`);
	}

	let known = new Set<string>();
	let added: typeof parsed.subscriptions = [];
	library.settings.update('subscriptions', (existing) => {
		known = new Set(existing.map((subscription) => subscription.url));
		added = parsed.subscriptions.filter((subscription) => !known.has(subscription.url));
		return [...existing, ...added];
	});
	const skipped = [
		...parsed.skipped,
		...parsed.subscriptions
			.filter((subscription) => known.has(subscription.url))
			.map((subscription) => ({url: subscription.url, reason: 'already subscribed'})),
	];
	const {ServiceSubscriptions} = await import('../sync/service-subscriptions.js');
	const service = ServiceSubscriptions.open(library.paths, library.store);
	for (const subscription of service.connected ? added : []) {
		try {
			await service.add(subscription);
		} catch (error) {
			if (!isBroadsheetError(error) || error.status === 401) throw error;
			printError(`warning: ${describeUrl(subscription.url)} stays on this machine only: ${error.message}`);
		}
	}

	let report = `Imported ${plural(added.length, 'feed')}${skipped.length > 0 ? `, skipped ${skipped.length}` : ''}\n`;
	for (const skip of skipped) report += `  skipped ${describeUrl(skip.url)}: ${skip.reason}\n`;
	await writeOut(report);
	return exitCode.ok;
}

/** `broadsheet unread [--feed X]...`: the number of unread items, for status bars and scripts. */
export async function unreadCommand(library: Library, options: {feeds: readonly string[]}): Promise<number> {
	let feedIds: number[] | undefined;
	if (options.feeds.length > 0) {
		const urls = new Set(matchSubscriptions(library, options.feeds).map((subscription) => subscription.url));
		feedIds = library.store
			.feeds()
			.filter((feed) => urls.has(feed.url))
			.map((feed) => feed.id);
	}

	await writeOut(`${library.store.unreadCount(feedIds)}\n`);
	return exitCode.ok;
}

function withoutPrefix(text: string, prefix: string): string {
	return text.startsWith(prefix) ? text.slice(prefix.length) : text;
}
