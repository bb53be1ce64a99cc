import {resolvePaths, type AppPaths} from '../config/paths.js';
import {openSettings, type SettingsStore} from '../config/settings.js';
import type {Subscription} from '../config/subscription.js';
import {describeUrl} from '../net/errors.js';
import {Store, type FeedSummary} from '../store/store.js';
import {withFeedRows, type SubscribedFeed} from '../store/subscribed-feeds.js';
import {printError, UsageError} from './output.js';
import {plural} from '../text/plural.js';

export type AppContext = {
	readonly paths: AppPaths;
	readonly settings: SettingsStore;
	readonly store: Store;
	close(): void;
};

/** Opens settings and the database for a headless command; settings problems are reported once on stderr. */
export function openApp(home: string | undefined): AppContext {
	const paths = resolvePaths(home);
	const settings = openSettings(paths);
	for (const notice of settings.notices) printError(notice);
	const store = Store.open(paths.databaseFile);
	return {paths, settings, store, close: () => store.close()};
}

/** Finds subscriptions by URL or by title (case-insensitive, the override or the feed's own). */
export function matchSubscriptions(context: AppContext, names: readonly string[]): Subscription[] {
	const subscriptions = context.settings.get('subscriptions');
	if (names.length === 0) return subscriptions;
	const feeds = subscribedFeeds(context);
	const matched: Subscription[] = [];
	for (const name of names) {
		const wanted = name.trim().toLowerCase();
		const hits = feeds
			.filter(
				({subscription, row}) =>
					subscription.url === name.trim() || subscription.title?.toLowerCase() === wanted || row?.title?.toLowerCase() === wanted,
			)
			.map(({subscription}) => subscription);
		if (hits.length === 0) throw new UsageError(`no subscription matches "${name}" (see broadsheet feeds)`);
		if (hits.length > 1)
			throw new UsageError(
				`"${name}" matches ${plural(hits.length, 'feed')}: use the URL (${hits.map((hit) => describeUrl(hit.url)).join(', ')})`,
			);
		if (!matched.some((subscription) => subscription.url === hits[0]!.url)) matched.push(hits[0]!);
	}

	return matched;
}

/** Every subscription with its stored row and counts. */
export function subscribedFeeds(context: AppContext): Array<SubscribedFeed<FeedSummary>> {
	return withFeedRows(context.settings.get('subscriptions'), context.store.feeds());
}

export function subscriptionsWithTag(context: AppContext, tag: string): Subscription[] {
	const wanted = tag.toLowerCase();
	return context.settings.get('subscriptions').filter((subscription) => subscription.tags.some((entry) => entry.toLowerCase() === wanted));
}
