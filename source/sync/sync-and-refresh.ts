import type {AppPaths} from '../config/paths.js';
import type {SettingsStore} from '../config/settings.js';
import type {Subscription} from '../config/subscription.js';
import {describeUrl} from '../net/errors.js';
import type {RefreshEvent, RefreshSummary} from '../refresh/refresh.js';
import {refreshWithSettings} from '../refresh/with-settings.js';
import type {Store} from '../store/store.js';
import {SyncLedger} from '../store/sync-ledger.js';
import {userAgent} from '../version.js';
import {readAccount} from './account.js';
export {isConnected} from './account.js';
import {syncStatus} from './status.js';
import {syncWithService} from './sync.js';

/** The subscriptions the service does not carry (it would not take them): Broadsheet fetches those itself. */
export function localOnlySubscriptions(store: Store, settings: Pick<SettingsStore, 'get'>): Subscription[] {
	const remote = new Set([...new SyncLedger(store.db).remoteFeeds().values()].map((feed) => feed.url));
	return settings.get('subscriptions').filter((subscription) => !remote.has(subscription.url));
}

/**
 * What the reader's refresh does: with a reading service connected, a sync, then a refresh of the
 * feeds on this machine only; without one, a refresh. One summary either way, for the status line.
 */
export async function syncOrRefresh(
	store: Store,
	settings: Pick<SettingsStore, 'get' | 'update'>,
	paths: Pick<AppPaths, 'stateDirectory'>,
	onEvent: (event: RefreshEvent) => void,
): Promise<RefreshSummary> {
	const account = readAccount(paths);
	if (!account) return refreshWithSettings(store, settings, settings.get('subscriptions'), {onEvent});
	const started = Date.now();
	// Progress counts the sync as one step, then each feed fetched here.
	onEvent({type: 'start', total: 1});
	const synced = await syncWithService(store, settings, account, {client: {userAgent: settings.get('userAgent') ?? userAgent}});
	onEvent({type: 'feed-done', url: account.service, title: null, newItems: synced.newItems, items: synced.newItems});
	const local = localOnlySubscriptions(store, settings);
	if (local.length > 0) onEvent({type: 'start', total: 1 + local.length});
	const refreshed =
		local.length > 0
			? await refreshWithSettings(store, settings, local, {onEvent: (event) => event.type !== 'start' && onEvent(event)})
			: undefined;
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
