import type {Subscription} from '../config/subscription.js';

/** A subscription (config.json) with its stored feed row (none before its first refresh) and the title to show. */
export type SubscribedFeed<Row> = {
	readonly subscription: Subscription;
	readonly row: Row | undefined;
	/** Your own title for the feed, else the feed's, else null (callers show the URL). */
	readonly title: string | null;
};

/** The one join of what the user follows with what the store holds, in the subscriptions' order. */
export function withFeedRows<Row extends {readonly url: string; readonly title: string | null}>(
	subscriptions: readonly Subscription[],
	rows: readonly Row[],
): Array<SubscribedFeed<Row>> {
	const byUrl = new Map(rows.map((row) => [row.url, row]));
	return subscriptions.map((subscription) => {
		const row = byUrl.get(subscription.url);
		return {subscription, row, title: subscription.title ?? row?.title ?? null};
	});
}
