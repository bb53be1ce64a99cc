import type {SettingsStore} from '../config/settings.js';
import type {Subscription} from '../config/subscription.js';
import type {Store} from '../store/store.js';
import {refreshFeeds, type RefreshEvent, type RefreshSummary} from './refresh.js';

/**
 * A refresh as the user configured it (limits, retention, User-Agent). A feed that has moved for
 * good gets its subscription updated here, then `onMoved` hears of it.
 */
export async function refreshWithSettings(
	store: Store,
	settings: Pick<SettingsStore, 'get' | 'update'>,
	subscriptions: readonly Subscription[],
	options: {onEvent?: (event: RefreshEvent) => void; onMoved?: (from: string, to: string) => void} = {},
): Promise<RefreshSummary> {
	return refreshFeeds(store, subscriptions, {
		concurrency: settings.get('concurrency'),
		perHostConcurrency: settings.get('perHostConcurrency'),
		keepItemsPerFeed: settings.get('keepItemsPerFeed'),
		userAgent: settings.get('userAgent') ?? undefined,
		...(options.onEvent ? {onEvent: options.onEvent} : {}),
		onMoved(from, to) {
			settings.update('subscriptions', (subscriptions) =>
				subscriptions.map((subscription) => (subscription.url === from ? {...subscription, url: to} : subscription)),
			);
			options.onMoved?.(from, to);
		},
	});
}
