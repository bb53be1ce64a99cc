import type {SettingsStore} from '../config/settings.js';
import type {Subscription} from '../config/subscription.js';
import {describeUrl, isBroadsheetError} from '../net/errors.js';
import type {Store} from '../store/store.js';
import {SyncLedger, type RemoteEntry} from '../store/sync-ledger.js';
import type {SyncAccount} from './account.js';
import {GoogleReaderClient, streams, type ClientOptions, type RemoteSubscription} from './greader-client.js';
import {fromRemoteItem} from './remote-items.js';
import {syncKeys as keys} from './status.js';

export type SyncSummary = {
	readonly service: string;
	readonly user: string;
	readonly feeds: number;
	readonly addedFeeds: number;
	readonly removedFeeds: number;
	readonly newItems: number;
	/** Read and starred changes taken from the service. */
	readonly pulled: number;
	/** Read and starred changes sent to it. */
	readonly pushed: number;
	readonly requests: number;
	readonly milliseconds: number;
	/** What could not be done, the rest being done (a local feed the service would not take). */
	readonly problems: readonly string[];
};

export type SyncEvent = {readonly type: 'step'; readonly message: string};

export type SyncOptions = {
	readonly client?: ClientOptions;
	readonly onEvent?: (event: SyncEvent) => void;
	/** The newest items of the reading list a first sync takes (all unread and starred ones come too). */
	readonly firstSyncItems?: number;
	readonly now?: () => Date;
	/**
	 * How old a subscription list may be and still stand (default subscriptionCheckMs): the reader's
	 * repeated syncs skip re-reading it; `broadsheet sync` gives 0, since a user who asks wants everything.
	 */
	readonly subscriptionsMaxAgeMs?: number;
};

/** How long a fetched subscription list stands for: within it, a sync with nothing new costs three requests, not four. */
export const subscriptionCheckMs = 10 * 60_000;
/** Items the service crawled this long before the last sync began are asked for again: the two clocks may differ. */
const overlapSeconds = 600;
const pushBatch = 250;

/**
 * One sync with a reading service: local changes go out first (so the service's state read after
 * includes them: a change made here wins over one made there), then subscriptions, new items and the
 * service's read and starred state come in. Every step commits as it goes: a sync that fails half-way
 * keeps what it did, and the next one carries on from there.
 */
export async function syncWithService(
	store: Store,
	settings: Pick<SettingsStore, 'get' | 'update'>,
	account: SyncAccount,
	options: SyncOptions = {},
): Promise<SyncSummary> {
	const now = options.now ?? (() => new Date());
	const started = now();
	const ledger = new SyncLedger(store.db);
	adoptAccount(ledger, account);
	let requests = 0;
	const client = GoogleReaderClient.forAccount(account, {
		...options.client,
		onRequest(path) {
			requests++;
			options.client?.onRequest?.(path);
		},
	});
	const step = (message: string) => options.onEvent?.({type: 'step', message});
	const problems: string[] = [];
	try {
		step('sending changes');
		const pushed = await pushQueued(client, ledger);

		const lastStart = ledger.state(keys.lastStart);
		const checked = Number(ledger.state(keys.subscriptionsChecked) ?? 0);
		let subscriptions = {feeds: settings.get('subscriptions').length, added: 0, removed: 0};
		let listed = false;
		const list = async () => {
			step('subscriptions');
			subscriptions = await pullSubscriptions(client, ledger, store, settings, problems);
			ledger.setState(keys.subscriptionsChecked, String(now().getTime()));
			listed = true;
		};

		if (
			!lastStart ||
			!ledger.state(keys.merged) ||
			started.getTime() - checked >= (options.subscriptionsMaxAgeMs ?? subscriptionCheckMs) ||
			checked > started.getTime()
		)
			await list();

		step('item ids');
		const since = lastStart ? Date.parse(lastStart) / 1000 - overlapSeconds : undefined;
		const latest = await client.itemIds(streams.readingList, since === undefined ? {limit: options.firstSyncItems ?? 20_000} : {since});
		const unread = new Set(await client.itemIds(streams.readingList, {exclude: streams.read}));
		const starred = new Set(await client.itemIds(streams.starred));

		const known = ledger.knownRemoteIds();
		const wanted = [...new Set([...latest, ...unread, ...starred])].filter((id) => !known.has(id));
		let newItems = 0;
		let feeds = ledger.remoteFeeds();
		for await (const batch of client.itemContents(wanted)) {
			step(`items ${newItems}/${wanted.length}`);
			const entries = batch.map((item) => fromRemoteItem(item)).filter((entry) => entry !== undefined);
			// An item of a feed subscribed elsewhere since the list was read: read the list again, once.
			if (!listed && entries.some((entry) => !feeds.has(entry.origin))) {
				await list();
				feeds = ledger.remoteFeeds();
			}

			const byFeed = Map.groupBy(entries, (entry) => entry.origin);
			const time = now().toISOString();
			for (const [origin, group] of byFeed) {
				const feed = feeds.get(origin);
				if (feed) newItems += ledger.saveRemoteItems(feed.feedId, group.map(withoutOrigin), time);
			}
		}

		step('read and starred state');
		const changes: Array<{itemId: number; field: 'read' | 'starred'; value: boolean}> = [];
		for (const state of ledger.syncedStates()) {
			const read = !unread.has(state.remoteId);
			const isStarred = starred.has(state.remoteId);
			if (read !== state.syncedRead) changes.push({itemId: state.itemId, field: 'read', value: read});
			if (isStarred !== state.syncedStarred) changes.push({itemId: state.itemId, field: 'starred', value: isStarred});
		}

		const pulled = ledger.applyRemote(changes);
		const keep = settings.get('keepItemsPerFeed');
		for (const {feedId} of ledger.remoteFeeds().values()) ledger.applyRetention(feedId, keep);
		store.indexPending();
		store.stories.groupNew();
		ledger.setState(keys.lastStart, started.toISOString());
		ledger.setState(keys.lastSync, now().toISOString());
		ledger.setState(keys.lastError, null);
		return {
			service: account.service,
			user: account.user,
			feeds: subscriptions.feeds,
			addedFeeds: subscriptions.added,
			removedFeeds: subscriptions.removed,
			newItems,
			pulled,
			pushed,
			requests,
			milliseconds: now().getTime() - started.getTime(),
			problems,
		};
	} catch (error) {
		ledger.setState(keys.lastError, JSON.stringify({at: now().toISOString(), message: errorMessage(error)}));
		throw error;
	}
}

/** A login to another account (service or user) starts over: nothing synced with the old one counts for the new. */
export function adoptAccount(ledger: SyncLedger, account: Pick<SyncAccount, 'service' | 'user'>): void {
	const identity = `${account.service} ${account.user}`;
	if (ledger.state(keys.account) === identity) return;
	ledger.reset();
	ledger.setState(keys.account, identity);
}

/** Sends read, unread, star and unstar changes made here, 250 items per request; each batch counts as agreed once sent. */
async function pushQueued(client: GoogleReaderClient, ledger: SyncLedger): Promise<number> {
	let pushed = 0;
	for (const change of ledger.queuedChanges()) {
		const state = change.field === 'read' ? streams.read : streams.starred;
		for (let start = 0; start < change.items.length; start += pushBatch) {
			const batch = change.items.slice(start, start + pushBatch);
			await client.editTag(
				batch.map((item) => item.remoteId),
				change.value ? {add: state} : {remove: state},
			);
			ledger.markAgreed(
				change.field,
				change.value,
				batch.map((item) => item.itemId),
			);
			pushed += batch.length;
		}
	}

	return pushed;
}

/**
 * Makes the service's subscriptions Broadsheet's: its feeds with its titles and folders (as tags).
 * The first time, feeds followed here and not there are subscribed to there first. A feed that was
 * synced and is gone from the service was unsubscribed elsewhere, and goes here too; one never on the
 * service (it would not take it) stays, fetched by Broadsheet itself.
 */
async function pullSubscriptions(
	client: GoogleReaderClient,
	ledger: SyncLedger,
	store: Store,
	settings: Pick<SettingsStore, 'get' | 'update'>,
	problems: string[],
): Promise<{feeds: number; added: number; removed: number}> {
	let remote = await client.subscriptions();
	if (!ledger.state(keys.merged)) {
		const there = new Set(remote.map((subscription) => subscription.url));
		const missing = settings.get('subscriptions').filter((subscription) => !there.has(subscription.url));
		for (const subscription of missing) {
			try {
				await addToService(client, subscription);
			} catch (error) {
				if (!isBroadsheetError(error) || error.status === 401) throw error;
				problems.push(`${describeUrl(subscription.url)} stays on this machine only: ${error.message}`);
			}
		}

		if (missing.length > 0) remote = await client.subscriptions();
		ledger.setState(keys.merged, '1');
	}

	const linked = ledger.remoteFeeds();
	const wasSynced = new Set([...linked.values()].map((feed) => feed.url));
	for (const subscription of remote) ledger.linkFeed(subscription.url, subscription.id, subscription.title, subscription.siteUrl);
	const byUrl = new Map(remote.map((subscription) => [subscription.url, subscription]));
	let added = 0;
	const removed: string[] = [];
	settings.update('subscriptions', (current) => {
		const next: Subscription[] = [];
		const seen = new Set<string>();
		for (const subscription of current) {
			const there = byUrl.get(subscription.url);
			if (there) next.push(asSubscription(there));
			else if (wasSynced.has(subscription.url)) removed.push(subscription.url);
			else next.push(subscription);
			seen.add(subscription.url);
		}

		const fresh = remote.filter((subscription) => !seen.has(subscription.url));
		added = fresh.length;
		return [...next, ...fresh.map((subscription) => asSubscription(subscription))];
	});
	for (const url of removed) store.removeFeed(url);
	// A feed row the service moved away from (its id now on another URL) is not followed any more.
	for (const url of wasSynced) if (!byUrl.has(url) && !removed.includes(url)) store.removeFeed(url);
	return {feeds: settings.get('subscriptions').length, added, removed: removed.length};
}

/** Subscribes the service to a feed followed here, with its title and first tag as the folder (services keep one per feed). */
export async function addToService(client: GoogleReaderClient, subscription: Subscription): Promise<string> {
	const {id} = await client.subscribe(subscription.url);
	const folder = subscription.tags[0];
	if (subscription.title !== undefined || folder) {
		await client.editSubscription(id, {
			...(subscription.title === undefined ? {} : {title: subscription.title}),
			...(folder ? {addFolder: folder} : {}),
		});
	}

	return id;
}

function asSubscription(remote: RemoteSubscription): Subscription {
	// The service's folder is the tag; its title is shown through the feed row (the service's title is the user's).
	return {url: remote.url, tags: [...new Set(remote.folders)]};
}

function withoutOrigin({remoteId, item, read, starred}: RemoteEntry & {origin: string}): RemoteEntry {
	return {remoteId, item, read, starred};
}

function errorMessage(error: unknown): string {
	return isBroadsheetError(error) ? error.message : `unexpected error: ${error instanceof Error ? error.message : String(error)}`;
}
