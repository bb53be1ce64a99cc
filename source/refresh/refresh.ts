import type {Subscription} from '../config/subscription.js';
import {fetchFeed} from '../feeds/fetch-feed.js';
import {FeedParsePool} from '../feeds/parse-pool.js';
import {BroadsheetError, isBroadsheetError} from '../net/errors.js';
import {hostOf} from '../net/url.js';
import type {Store} from '../store/store.js';
import {WriteBatches} from '../store/write-batches.js';
import {retryAfterUntil} from './retry-after.js';
import {runLimited} from './schedule.js';

export type RefreshEvent =
	| {readonly type: 'start'; readonly total: number}
	| {readonly type: 'feed-start'; readonly url: string}
	| {readonly type: 'feed-done'; readonly url: string; readonly title: string | null; readonly newItems: number; readonly items: number}
	| {readonly type: 'feed-not-modified'; readonly url: string}
	| {readonly type: 'feed-failed'; readonly url: string; readonly kind: string; readonly message: string}
	| {readonly type: 'feed-deferred'; readonly url: string; readonly until: string}
	| {readonly type: 'feed-moved'; readonly from: string; readonly to: string}
	/** What reading a feed took (XML repaired, https to http), said when it is new: not on every refresh. */
	| {readonly type: 'feed-warning'; readonly url: string; readonly message: string}
	| {readonly type: 'done'; readonly summary: RefreshSummary};

export type RefreshSummary = {
	readonly total: number;
	readonly updated: number;
	readonly notModified: number;
	readonly failed: number;
	readonly deferred: number;
	readonly newItems: number;
	readonly milliseconds: number;
	readonly failures: ReadonlyArray<{readonly url: string; readonly message: string}>;
	/** Feeds not fetched because their host asked us to wait (Retry-After), with the ISO time it ends. */
	readonly deferrals: ReadonlyArray<{readonly url: string; readonly until: string}>;
	/** Set when a reading service did the fetching (a sync): its host and the changes still waiting to go to it. */
	readonly synced?: {readonly service: string; readonly queued: number};
};

export type RefreshOptions = {
	readonly concurrency: number;
	readonly perHostConcurrency: number;
	readonly keepItemsPerFeed: number;
	readonly userAgent?: string | undefined;
	readonly onEvent?: (event: RefreshEvent) => void;
	/** A permanent redirect seen on two refreshes in a row: the subscription should follow it. */
	readonly onMoved?: (from: string, to: string) => void;
	readonly signal?: AbortSignal;
	readonly now?: () => Date;
};

/**
 * Refreshes feeds concurrently (a global limit and a per-host limit) with conditional GETs.
 * A 304 costs no parse; a failure is recorded on the feed without touching its items; a server's
 * Retry-After is remembered per host; a permanent redirect is followed once it repeats.
 */
export async function refreshFeeds(store: Store, subscriptions: readonly Subscription[], options: RefreshOptions): Promise<RefreshSummary> {
	const started = performance.now();
	const now = options.now ?? (() => new Date());
	const emit = options.onEvent ?? (() => undefined);
	// Many feeds: parse all of them on the worker, in parallel with the network and the database here.
	const pool = new FeedParsePool({offThreadFrom: subscriptions.length >= 8 ? 0 : undefined});
	const counts = {updated: 0, notModified: 0, failed: 0, deferred: 0, newItems: 0};
	const failures: Array<{url: string; message: string}> = [];
	const deferrals: Array<{url: string; until: string}> = [];
	// Feeds finishing close together are written in one transaction.
	const writes = new WriteBatches(store.db);
	emit({type: 'start', total: subscriptions.length});

	const refreshOne = async (subscription: Subscription) => {
		const feed = await writes.write(() => store.ensureFeed(subscription.url, subscription.title));
		const host = hostOf(subscription.url);
		const until = store.hostRetryAfter(host);
		if (until && until > now().toISOString()) {
			counts.deferred++;
			deferrals.push({url: subscription.url, until});
			emit({type: 'feed-deferred', url: subscription.url, until});
			return;
		}

		emit({type: 'feed-start', url: subscription.url});
		try {
			const result = await fetchFeed(subscription.url, {
				etag: feed.etag ?? undefined,
				lastModified: feed.lastModified ?? undefined,
				userAgent: options.userAgent,
				signal: options.signal,
				parse: pool.parse,
			});
			const time = now().toISOString();
			if (result.notModified) {
				await writes.write(() => store.markNotModified(feed.id, time));
				counts.notModified++;
				emit({type: 'feed-not-modified', url: subscription.url});
				return;
			}

			const redirectTarget = permanentTarget(result.redirects);
			const {saved, redirectSeen} = await writes.write(() => ({
				saved: store.saveFetched(feed.id, result.feed, {
					etag: result.etag,
					lastModified: result.lastModified,
					now: time,
					keep: options.keepItemsPerFeed,
					warnings: result.warnings,
				}),
				redirectSeen: store.recordPermanentRedirect(feed.id, redirectTarget),
			}));
			if (saved.warning && saved.warning !== feed.warning) emit({type: 'feed-warning', url: subscription.url, message: saved.warning});
			counts.updated++;
			counts.newItems += saved.newItems;
			emit({
				type: 'feed-done',
				url: subscription.url,
				title: subscription.title ?? result.feed.title,
				newItems: saved.newItems,
				items: saved.items,
			});
			if (redirectTarget && redirectSeen >= 2) {
				await writes.write(() => store.renameFeed(feed.id, redirectTarget));
				options.onMoved?.(subscription.url, redirectTarget);
				emit({type: 'feed-moved', from: subscription.url, to: redirectTarget});
			}
		} catch (error) {
			const failure = isBroadsheetError(error) ? error : new BroadsheetError('parse', String(error));
			await writes.write(() => {
				if (failure.status === 429 || failure.status === 503) store.setHostRetryAfter(host, retryAfterUntil(failure.retryAfter, now()));
				store.markFailed(feed.id, failure, now().toISOString());
			});
			counts.failed++;
			failures.push({url: subscription.url, message: failure.message});
			emit({type: 'feed-failed', url: subscription.url, kind: failure.kind, message: failure.message});
		}
	};

	try {
		await store.bulkWrites(async () =>
			runLimited(
				subscriptions,
				{limit: options.concurrency, perKeyLimit: options.perHostConcurrency, key: (subscription) => hostOf(subscription.url)},
				refreshOne,
			),
		);
	} finally {
		await pool.close();
	}

	// Stories carried by several feeds are found now, once, so that lists only read what was found (the
	// parse workers gone first: their memory and this pass's do not add up).
	store.stories.groupNew();

	// New items reach the search index lazily (Store.search indexes what is pending), keeping refreshes short.

	const summary: RefreshSummary = {
		total: subscriptions.length,
		...counts,
		failures,
		deferrals,
		milliseconds: Math.round(performance.now() - started),
	};
	emit({type: 'done', summary});
	return summary;
}

/** Where a chain of permanent redirects ended; a temporary hop anywhere in it means "stay", and so none. */
function permanentTarget(redirects: ReadonlyArray<{to: string; permanent: boolean}>): string | null {
	return redirects.length > 0 && redirects.every((hop) => hop.permanent) ? redirects.at(-1)!.to : null;
}
