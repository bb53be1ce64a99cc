import type {Store, StoredItem} from '../store/store.js';
import {articleToText} from '../export/article-text.js';
import type {ArticleDocument} from './document.js';
import {fetchArticle} from './fetch-page.js';
import {documentFromFeedItem} from './from-feed.js';

/**
 * The readable article for a stored item: from the cache, else fetched and extracted (and cached),
 * else, when the page cannot be read, built from the item's own content.
 */
export async function articleForItem(
	store: Store,
	item: StoredItem,
	options: {userAgent?: string | undefined; signal?: AbortSignal} = {},
): Promise<ArticleDocument> {
	if (item.link) {
		const cached = store.article(item.link);
		if (cached) return cached;
		try {
			const document = await fetchArticle(item.link, {userAgent: options.userAgent, signal: options.signal});
			store.saveArticle(item.link, document, articleToText(document), new Date().toISOString());
			return document;
		} catch {
			// Unreachable or not an article: the feed's content is what we have.
		}
	}

	return documentFromFeedItem(item, {url: item.feedUrl, title: item.feedTitle});
}
