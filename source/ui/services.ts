import type {ArticleDocument} from '../articles/document.js';
import type {OpenResult} from '../system/open-url.js';
import type {Settings, SettingsStore} from '../config/settings.js';
import type {AddResult} from '../operations/subscribe.js';
import type {RefreshEvent, RefreshSummary} from '../refresh/refresh.js';
import type {FeedListing, Store, StoredItem} from '../store/store.js';
import type {ItemsPager} from './items-pager.js';

/**
 * Everything the reader does outside React: the store, the network, the browser, the clipboard.
 * The real implementation is in run.tsx; component tests pass their own (real store, local pages).
 */
export type Services = {
	readonly store: Store;
	readonly settings: Pick<SettingsStore, 'get' | 'update'>;
	/** The article for a headline: cached, fetched and extracted, or built from the feed's content. */
	loadItemArticle(item: StoredItem, signal: AbortSignal): Promise<ArticleDocument>;
	/** Any page the reader follows a link to. */
	loadUrlArticle(url: string, signal: AbortSignal): Promise<ArticleDocument>;
	refresh(subscriptions: Settings['subscriptions'], onEvent: (event: RefreshEvent) => void): Promise<RefreshSummary>;
	addFeed(input: string): Promise<AddResult>;
	/** "Synced 2m ago · 3 changes queued" when a reading service is connected, else undefined. */
	syncLine?(): string | undefined;
	/** $BROWSER, else the platform's opener; says which one started, or why none did. */
	openInBrowser(url: string): Promise<OpenResult>;
	copyToClipboard(text: string): void;
	/** Stops the process until `fg` (Ctrl-Z), with the shell's screen shown meanwhile; Ink has released the terminal. */
	suspend(): void;
	now(): Date;
};

/** What the first paint read from the store for the opening screen: the feed and story the reader left, else All and the newest. */
export type PreparedScreen = {
	readonly feeds: FeedListing[];
	/** Store.copyCount(true) as the first paint read it. */
	readonly unreadCopies: number;
	/** The list of the feed entry `feedKey`, every story. */
	readonly feedKey: string;
	readonly list: ItemsPager;
	readonly place: {
		readonly feedIndex: number;
		readonly selected: number;
		readonly selectedId: number | undefined;
		readonly listTop: number;
	};
};
