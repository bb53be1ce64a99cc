import type {FeedItem} from '../feeds/item.js';
import type {ArticleDocument} from './document.js';
import {htmlFragmentToBlocks} from './extract.js';
import {finaliseDocument} from './finalise.js';
import {markQuotes} from './quotes.js';
import {markRelatedLinks} from './related.js';

/** The fallback when the page cannot be read: the feed item's own content (or summary) as a document. */
export function documentFromFeedItem(
	item: Pick<FeedItem, 'title' | 'link' | 'published' | 'author' | 'contentHtml' | 'summaryHtml'>,
	feed: {url: string; title: string | null},
): ArticleDocument {
	const base = item.link ?? feed.url;
	const html = item.contentHtml ?? item.summaryHtml ?? '';
	const blocks = markRelatedLinks(htmlFragmentToBlocks(html, base), item.link);
	markQuotes(blocks);
	return finaliseDocument(
		{
			url: item.link ?? feed.url,
			canonicalUrl: null,
			title: item.title,
			byline: item.author,
			siteName: feed.title,
			published: item.published,
			standfirst: null,
			image: null,
			source: null,
			language: null,
			extractedFrom: 'feed',
		},
		blocks,
	);
}
