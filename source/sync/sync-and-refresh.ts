import type {SettingsStore} from '../config/settings.js';
import type {Subscription} from '../config/subscription.js';
import {describeUrl} from '../net/errors.js';
import type {RefreshEvent, RefreshSummary} from '../refresh/refresh.js';
import {refreshWithSettings} from '../refresh/with-settings.js';
import type {Store} from '../store/store.js';
import {SyncLedger} from '../store/sync-ledger.js';
import {userAgent} from '../version.js';
import type {SyncAccount} from './account.js';
import {syncStatus} from './status.js';
import {syncWithService, type SyncOptions, type SyncSummary} from './sync.js';

/** The subscriptions the service does not carry (it would not take them): Broadsheet fetches those itself. */
export function localOnlySubscriptions(store: Store, settings: Pick<SettingsStore, 'get'>): Subscription[] {
	const remote = new Set([...new SyncLedger(store.db).remoteFeeds().values()].map((feed) => feed.url));
	return settings.get('subscriptions').filter((subscription) => !remote.has(subscription.url));
}

/**
 * What a refresh is with a reading service connected (`sync`, `refresh`, the reader's): the sync, then a
 * refresh of the feeds on this machine only (undefined when there are none).
 */
export async function syncThenLocalFeeds(
	store: Store,
	settings: Pick<SettingsStore, 'get' | 'update'>,
	account: SyncAccount,
	options: {
		readonly sync?: Omit<SyncOptions, 'client'>;
		/** The sync is done; the local feeds are next. */
		readonly onSynced?: (synced: SyncSummary) => void;
		readonly onRefreshEvent?: (event: RefreshEvent) => void;
	} = {},
): Promise<{synced: SyncSummary; refreshed: RefreshSummary | undefined}> {
	const synced = await syncWithService(store, settings, account, {
		...options.sync,
		client: {userAgent: settings.get('userAgent') ?? userAgent},
	});
	options.onSynced?.(synced);
	const local = localOnlySubscriptions(store, settings);
	const refreshed =
		local.length > 0
			? await refreshWithSettings(store, settings, local, options.onRefreshEvent ? {onEvent: options.onRefreshEvent} : {})
			: undefined;
	return {synced, refreshed};
}

/** The reader's refresh with a service connected, as one refresh summary for its status line; progress counts the sync as one step. */
export async function readerSync(
	store: Store,
	settings: Pick<SettingsStore, 'get' | 'update'>,
	account: SyncAccount,
	onEvent: (event: RefreshEvent) => void,
): Promise<RefreshSummary> {
	const started = Date.now();
	onEvent({type: 'start', total: 1});
	const {synced, refreshed} = await syncThenLocalFeeds(store, settings, account, {
		onSynced: (done) => onEvent({type: 'feed-done', url: account.service, title: null, newItems: done.newItems, items: done.newItems}),
		onRefreshEvent(event) {
			// The local refresh's own start counts its feeds; the sync is one step more.
			if (event.type === 'start') onEvent({type: 'start', total: 1 + event.total});
			else onEvent(event);
		},
	});
	return {
		total: synced.feeds,
		updated: synced.feeds - (refreshed?.failed ?? 0),
		notModified: refreshed?.notModified ?? 0,
		failed: refreshed?.failed ?? 0,
		deferred: refreshed?.deferred ?? 0,
		newItems: synced.newItems + (refreshed?.newItems ?? 0),
		milliseconds: Date.now() - started,
		failures: refreshed?.failures ?? [],
		deferrals: refreshed?.deferrals ?? [],
		synced: {service: describeUrl(new URL(account.service).host), queued: syncStatus(store).queued},
	};
}
