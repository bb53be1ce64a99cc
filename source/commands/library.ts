import {resolvePaths, type AppPaths} from '../config/paths.js';
import {openSettings, type SettingsStore} from '../config/settings.js';
import type {Subscription} from '../config/subscription.js';
import {describeUrl} from '../net/errors.js';
import {Store, type FeedSummary} from '../store/store.js';
import {withFeedRows, type SubscribedFeed} from '../store/subscribed-feeds.js';
import {printError, UsageError} from './output.js';
import {plural} from '../text/plural.js';

/** What a command works on: the user's settings and subscriptions, and the store of feeds and items, in one home. */
export type Library = {
	readonly paths: AppPaths;
	readonly settings: SettingsStore;
	readonly store: Store;
	close(): void;
};

/** Opens the settings and the database of a home (--home, BROADSHEET_HOME, or the XDG places); settings problems are reported once on stderr. */
export function openLibrary(home: string | undefined): Library {
	const paths = resolvePaths(home);
	const settings = openSettings(paths);
	for (const notice of settings.notices) printError(notice);
	const store = Store.open(paths.databaseFile);
	return {paths, settings, store, close: () => store.close()};
}

/** Finds subscriptions by URL or by title (case-insensitive, the override or the feed's own). */
export function matchSubscriptions(library: Library, names: readonly string[]): Subscription[] {
	const subscriptions = library.settings.get('subscriptions');
	if (names.length === 0) return subscriptions;
	const feeds = subscribedFeeds(library);
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
export function subscribedFeeds(library: Library): Array<SubscribedFeed<FeedSummary>> {
	return withFeedRows(library.settings.get('subscriptions'), library.store.feeds());
}

export function subscriptionsWithTag(library: Library, tag: string): Subscription[] {
	const wanted = tag.toLowerCase();
	return library.settings.get('subscriptions').filter((subscription) => subscription.tags.some((entry) => entry.toLowerCase() === wanted));
}
