import type {AppPaths} from '../config/paths.js';
import type {Subscription} from '../config/subscription.js';
import {BroadsheetError, describeUrl} from '../net/errors.js';
import type {Store} from '../store/store.js';
import {SyncLedger} from '../store/sync-ledger.js';
import {userAgent} from '../version.js';
import {readAccount} from './account.js';
import {GoogleReaderClient} from './greader-client.js';
import {addToService} from './sync.js';

/**
 * With a reading service connected, its subscriptions are Broadsheet's: adding, removing, retitling
 * and re-tagging a feed here is done there first, and here only once the service has taken it.
 * Without one, every method does nothing.
 */
export class ServiceSubscriptions {
	static open(paths: Pick<AppPaths, 'stateDirectory'>, store: Store, agent = userAgent): ServiceSubscriptions {
		const account = readAccount(paths);
		return new ServiceSubscriptions(
			account ? GoogleReaderClient.forAccount(account, {userAgent: agent}) : undefined,
			new SyncLedger(store.db),
		);
	}

	constructor(
		private readonly client: GoogleReaderClient | undefined,
		private readonly ledger: SyncLedger,
	) {}

	get connected(): boolean {
		return this.client !== undefined;
	}

	/** Subscribes the service to a feed just added here, and ties the two. */
	async add(subscription: Subscription): Promise<void> {
		if (!this.client) return;
		const id = await addToService(this.client, subscription);
		this.ledger.linkFeed(subscription.url, id, subscription.title ?? null, null);
	}

	async remove(url: string): Promise<void> {
		const id = this.remoteId(url);
		if (this.client && id) await this.client.unsubscribe(id);
	}

	/** A new title, and the first tag as the feed's folder there (a service keeps one folder per feed). */
	async edit(before: Subscription, change: {title?: string | undefined; tags?: readonly string[] | undefined}): Promise<void> {
		const id = this.remoteId(before.url);
		if (!this.client || !id) return;
		if (change.tags && change.tags.length > 1) {
			throw new BroadsheetError('http', `${describeUrl(this.client.service)} keeps one folder per feed: give one --tag`);
		}

		const folder = change.tags?.[0];
		const removeFolder = change.tags && before.tags[0] !== folder ? before.tags[0] : undefined;
		await this.client.editSubscription(id, {
			...(change.title === undefined ? {} : {title: change.title}),
			...(folder && folder !== before.tags[0] ? {addFolder: folder} : {}),
			...(removeFolder ? {removeFolder} : {}),
		});
	}

	private remoteId(url: string): string | undefined {
		for (const [id, feed] of this.ledger.remoteFeeds()) if (feed.url === url) return id;
		return undefined;
	}
}
