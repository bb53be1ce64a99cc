import type {SettingsStore} from '../config/settings.js';
import type {Subscription} from '../config/subscription.js';
import {decodeBody} from '../net/charset.js';
import {BroadsheetError, describeUrl, isBroadsheetError} from '../net/errors.js';
import {httpGet, mebibyte, parseHttpUrl} from '../net/http.js';
import type {Store} from '../store/store.js';
import {discoverFeeds} from '../feeds/discover.js';
import {feedAccept} from '../feeds/fetch-feed.js';
import type {ParsedFeed} from '../feeds/item.js';
import {parseFeed} from '../feeds/parse.js';

type Found = {url: string; feed: ParsedFeed; etag: string | undefined; lastModified: string | undefined; warnings: readonly string[]};

export type AddResult =
	| {readonly status: 'exists'; readonly url: string}
	| {
			readonly status: 'added';
			readonly url: string;
			readonly title: string;
			readonly items: number;
			readonly feedId: number;
			/** What reading it took that its author should fix (XML repaired, https to http). */
			readonly warnings: readonly string[];
	  };

/**
 * Subscribes to a feed URL, or to the first readable feed a site's page advertises, and stores its
 * items at once. "example.com" means https://example.com. Used by `broadsheet add` and the reader's `a`.
 */
export async function addSubscription(
	settings: Pick<SettingsStore, 'get' | 'update'>,
	store: Store,
	input: string,
	options: {title?: string | undefined; tags?: readonly string[]} = {},
): Promise<AddResult> {
	const url = parseHttpUrl(/^[a-z][a-z\d+.-]*:\/\//i.test(input.trim()) ? input : `https://${input.trim()}`).href;
	const known = (candidate: string) => settings.get('subscriptions').some((subscription) => subscription.url === candidate);
	if (known(url)) return {status: 'exists', url};
	const found = await findFeed(url);
	if (known(found.url)) return {status: 'exists', url: found.url};

	const subscription: Subscription = {
		url: found.url,
		...(options.title ? {title: options.title} : {}),
		tags: [...new Set(options.tags ?? [])],
	};
	// Another process may have subscribed to it meanwhile: the list as it is now decides.
	let added = false;
	settings.update('subscriptions', (subscriptions) => {
		added = !subscriptions.some((entry) => entry.url === found.url);
		return added ? [...subscriptions, subscription] : subscriptions;
	});
	if (!added) return {status: 'exists', url: found.url};
	const row = store.ensureFeed(found.url, options.title);
	const saved = store.saveFetched(row.id, found.feed, {
		etag: found.etag,
		lastModified: found.lastModified,
		now: new Date().toISOString(),
		keep: settings.get('keepItemsPerFeed'),
		warnings: found.warnings,
	});
	store.stories.groupNew();
	return {
		status: 'added',
		url: found.url,
		title: options.title ?? found.feed.title ?? found.url,
		items: saved.items,
		feedId: row.id,
		warnings: [...found.feed.warnings, ...found.warnings],
	};
}

async function findFeed(url: string): Promise<Found> {
	const response = await httpGet(url, {accept: `${feedAccept}, text/html;q=0.8`, maxBytes: 15 * mebibyte});
	if (response.notModified) throw new BroadsheetError('http', `${describeUrl(url)}: unexpected 304`);
	const {text} = decodeBody(response.body, response.contentType, 'xml');
	try {
		return {
			url: response.url,
			feed: await parseFeed(text, response.url),
			etag: response.etag,
			lastModified: response.lastModified,
			warnings: response.warnings,
		};
	} catch (error) {
		if (!isBroadsheetError(error) || error.kind !== 'not-feed') throw error;
	}

	// A web page: follow the feeds it advertises, first one that parses wins.
	const html = decodeBody(response.body, response.contentType, 'html').text;
	const candidates = discoverFeeds(html, response.url);
	if (candidates.length === 0)
		throw new BroadsheetError('not-feed', `${describeUrl(response.url)}: neither a feed nor a page that links to one`);
	let lastError: unknown;
	for (const candidate of candidates) {
		try {
			const feedResponse = await httpGet(candidate, {accept: feedAccept, maxBytes: 15 * mebibyte});
			if (feedResponse.notModified) continue;
			const decoded = decodeBody(feedResponse.body, feedResponse.contentType, 'xml').text;
			return {
				url: feedResponse.url,
				feed: await parseFeed(decoded, feedResponse.url),
				etag: feedResponse.etag,
				lastModified: feedResponse.lastModified,
				warnings: [...response.warnings, ...feedResponse.warnings],
			};
		} catch (error) {
			lastError = error;
		}
	}

	throw isBroadsheetError(lastError)
		? lastError
		: new BroadsheetError('not-feed', `${describeUrl(response.url)}: its feeds could not be read`);
}
