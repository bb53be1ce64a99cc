import type {Subscription} from './subscription.js';

/**
 * Starter feeds: a few real, reliable news feeds the reader offers (one key, S) while you follow none.
 * Nothing subscribes to them on its own: headless commands leave exactly what the user asked for.
 */
export const starterFeeds: Subscription[] = [
	{url: 'https://www.aljazeera.com/xml/rss/all.xml', title: 'Al Jazeera', tags: ['world']},
	{url: 'https://feeds.bbci.co.uk/news/world/rss.xml', title: 'BBC World', tags: ['world']},
	{url: 'https://www.theguardian.com/world/rss', title: 'The Guardian World', tags: ['world']},
	{url: 'https://feeds.npr.org/1001/rss.xml', title: 'NPR News', tags: ['us']},
	{url: 'https://hnrss.org/frontpage', title: 'Hacker News', tags: ['tech']},
	{url: 'https://feeds.arstechnica.com/arstechnica/index', title: 'Ars Technica', tags: ['tech']},
];
