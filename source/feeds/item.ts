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
	/** What tells this story from others (same-story.ts), worked out with the item; the store makes it when absent. */
	readonly story?: StoryFingerprint;
};

/**
 * What two items are compared by to tell whether they carry the same story: the canonical address
 * of the article, and the words of the headline and of the lead (the first words of the summary,
 * else of the content). Stored with each item, so that a refresh compares new items with the
 * recent ones without reading their bodies again.
 */
export type StoryFingerprint = {
	readonly url: string | null;
	/** Headline words, then a newline, then lead words: lower case, letters and digits only. */
	readonly text: string;
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
