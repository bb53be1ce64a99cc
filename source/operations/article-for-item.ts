import type {Store, StoredItem} from '../store/store.js';
import {articleToText} from '../render/article-text.js';
import type {ArticleDocument} from '../articles/document.js';
import {fetchArticle} from '../articles/fetch-page.js';
import {documentFromFeedItem} from '../articles/from-feed.js';

type LoadOptions = {userAgent?: string | undefined; signal?: AbortSignal | undefined};

/** The article at a URL: from the cache, else fetched, extracted and cached (with its text for search). */
export async function articleForUrl(store: Store, url: string, options: LoadOptions = {}): Promise<ArticleDocument> {
	const cached = store.article(url);
	if (cached) return cached;
	const document = await fetchArticle(url, {userAgent: options.userAgent, signal: options.signal});
	store.saveArticle(url, document, articleToText(document), new Date().toISOString());
	return document;
}

/**
 * The readable article for a stored item: its page's (cached or fetched), else, when the page
 * cannot be read, one built from the item's own content.
 */
export async function articleForItem(store: Store, item: StoredItem, options: LoadOptions = {}): Promise<ArticleDocument> {
	if (item.link) {
		try {
			return await articleForUrl(store, item.link, options);
		} catch {
			// Unreachable or not an article: the feed's content is what we have.
		}
	}

	return documentFromFeedItem(item, {url: item.feedUrl, title: item.feedTitle});
}
