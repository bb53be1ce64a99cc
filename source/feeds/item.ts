/** One entry of any feed format, normalised. Every field is plain data. */
export type FeedItem = {
	/** Stable across refreshes: guid, else link, else link + date, else a hash of the content. */
	readonly id: string;
	readonly title: string;
	/** Absolute http(s) URL, or null when the feed gave none we can use. */
	readonly link: string | null;
	/** ISO 8601 in UTC, or null when missing or unreadable. */
	readonly published: string | null;
	readonly author: string | null;
	readonly summaryHtml: string | null;
	readonly contentHtml: string | null;
	readonly categories: readonly string[];
	readonly enclosure: Enclosure | null;
};

export type Enclosure = {readonly url: string; readonly type: string | null; readonly length: number | null};

export type FeedFormat = 'rss' | 'rdf' | 'atom' | 'json';

export type ParsedFeed = {
	readonly format: FeedFormat;
	readonly title: string | null;
	/** The site the feed belongs to. */
	readonly siteUrl: string | null;
	readonly description: string | null;
	readonly language: string | null;
	readonly items: readonly FeedItem[];
	/** Entries we could not use, with why: one bad item never loses the feed. */
	readonly skipped: number;
	/** What reading the feed took that its author should fix (broken XML repaired, entries lost): recorded on the feed. */
	readonly warnings: readonly string[];
};
