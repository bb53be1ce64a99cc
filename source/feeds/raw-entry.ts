/**
 * What the format readers (rss-parser for XML, our JSON Feed reader) hand to
 * normalisation: loosely typed, because feeds put objects where strings belong.
 */
export type RawEntry = {
	readonly guid?: unknown;
	readonly title?: unknown;
	readonly link?: unknown;
	/** xml:base in force for this entry, if any. */
	readonly base?: unknown;
	readonly published?: unknown;
	readonly author?: unknown;
	readonly summary?: unknown;
	readonly content?: unknown;
	readonly categories?: unknown;
	readonly enclosure?: unknown;
};

export type RawFeed = {
	readonly format: 'rss' | 'rdf' | 'atom' | 'json';
	readonly title?: unknown;
	readonly link?: unknown;
	readonly base?: unknown;
	readonly description?: unknown;
	readonly language?: unknown;
	readonly entries: readonly RawEntry[];
	/** What the reader repaired or skipped to read the document at all. */
	readonly warnings: readonly string[];
};

/**
 * Coerces what xml2js produces for an element into its text:
 * a string, `{_: text, $: attributes}`, an array of those, or attributes only.
 */
export function textOf(value: unknown): string | undefined {
	if (typeof value === 'string') return value;
	if (typeof value === 'number') return String(value);
	if (Array.isArray(value)) return value.length > 0 ? textOf(value[0]) : undefined;
	if (value && typeof value === 'object') {
		const object = value as {_?: unknown; $?: Record<string, unknown>};
		if (typeof object._ === 'string') return object._;
		const attributes = object.$;
		if (attributes) return textOf(attributes['term'] ?? attributes['label'] ?? attributes['text'] ?? attributes['href']);
	}

	return undefined;
}
