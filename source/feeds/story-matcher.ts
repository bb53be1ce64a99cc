import {storySimilarity, StoryWords} from './same-story.js';

/** An item as the matcher sees it: its fingerprint, its feed, its time and the story it belongs to. */
export type StoryEntry = {
	readonly id: number;
	readonly feedId: number;
	/** Milliseconds: publication, else first seen. */
	readonly time: number;
	readonly url: string | null;
	readonly text: string;
	/** The id of the story's first item (its own id when alone). */
	readonly story: number;
};

type Indexed = {readonly entry: StoryEntry; readonly words: StoryWords; visit?: number};

/** Copies of one story further apart than this are a follow-up or a recurring title, never the same story. */
export const storyWindowMs = 3 * 24 * 60 * 60 * 1000;

// Candidates are the items sharing one of a new headline's three rarest words: a copy shares most of
// its headline (Jaccard ≥ 0.6), so it shares one of those. A word carried by this many recent headlines
// ("the", "trump", "f12") is not read and stops growing: it bounds the work on uniform headlines.
const rareWords = 3;
const wordCapacity = 64;

/**
 * Finds, for each new item, the story it repeats among the items seen before it: the same canonical
 * article URL, or headline and lead alike (storySimilarity) within three days. A story holds one item
 * per feed: two items of one feed are two stories whatever they say (a feed's own video of its
 * article, its "Engagements" every morning). Time and memory are linear in the items of the window;
 * candidates come from an index of headline words, and only candidates have their leads compared.
 */
export class StoryMatcher {
	private readonly byUrl = new Map<string, Indexed[]>();
	/** Null: a word too common to read (wordCapacity). */
	private readonly byWord = new Map<string, Indexed[] | null>();
	private visits = 0;
	private readonly feedsOfStory = new Map<number, Set<number>>();

	/**
	 * @param repeated what a feed gives to more than one of its items, and so says nothing about which
	 * story an item is: `feedId url` (its home page, a section front) and `feedId text` whose lead is
	 * the same ("Click to enlarge…", a weekly column's blurb), from repeatedInFeeds.
	 */
	constructor(private readonly repeated: RepeatedInFeeds = {urls: new Set(), leads: new Set()}) {}

	/** Makes an item known, as the story it already belongs to. */
	add(entry: StoryEntry): void {
		this.index({entry, words: this.wordsOf(entry)});
	}

	/** The story a new item repeats (the id of its first item), or undefined; then makes the item known. */
	place(entry: Omit<StoryEntry, 'story'>): number | undefined {
		const url = this.urlOf(entry);
		const words = this.wordsOf(entry);
		let best: {story: number; score: number} | undefined;
		const consider = (other: Indexed, byUrl: boolean) => {
			if (Math.abs(other.entry.time - entry.time) > storyWindowMs) return;
			if (this.feedsOfStory.get(other.entry.story)?.has(entry.feedId)) return;
			let score = 2;
			if (!byUrl) score = storySimilarity(words, other.words);

			if (score > (best?.score ?? 0)) best = {story: other.entry.story, score};
		};

		if (url) for (const other of this.byUrl.get(url) ?? []) consider(other, true);
		const visit = ++this.visits;
		const rarest = [...words.title]
			.map((word) => this.byWord.get(word))
			.filter((postings) => postings !== undefined && postings !== null)
			.sort((a, b) => a.length - b.length)
			.slice(0, rareWords);
		for (const postings of rarest)
			for (const other of postings) {
				if (other.visit === visit) continue;
				other.visit = visit;
				consider(other, false);
			}

		const story = best?.story;
		this.index({entry: {...entry, story: story ?? entry.id}, words});
		return story;
	}

	private index(indexed: Indexed): void {
		const {entry} = indexed;
		const url = this.urlOf(entry);
		if (url) push(this.byUrl, url, indexed);
		for (const word of indexed.words.title) {
			const postings = this.byWord.get(word);
			if (postings === undefined) this.byWord.set(word, [indexed]);
			else if (postings !== null) {
				if (postings.length < wordCapacity) postings.push(indexed);
				else this.byWord.set(word, null);
			}
		}

		let feeds = this.feedsOfStory.get(entry.story);
		if (!feeds) this.feedsOfStory.set(entry.story, (feeds = new Set()));
		feeds.add(entry.feedId);
	}

	private urlOf(entry: Pick<StoryEntry, 'feedId' | 'url'>): string | null {
		return entry.url && !this.repeated.urls.has(`${entry.feedId} ${entry.url}`) ? entry.url : null;
	}

	private wordsOf(entry: Pick<StoryEntry, 'feedId' | 'text'>): StoryWords {
		return new StoryWords(entry.text, this.repeated.leads.has(`${entry.feedId} ${leadOf(entry.text)}`));
	}
}

export type RepeatedInFeeds = {readonly urls: ReadonlySet<string>; readonly leads: ReadonlySet<string>};

/** The URLs and leads each feed gives to more than one of the items (`feedId value` keys). */
export function repeatedInFeeds(entries: Iterable<Pick<StoryEntry, 'feedId' | 'url' | 'text'>>): RepeatedInFeeds {
	const seen = new Set<string>();
	const urls = new Set<string>();
	const leads = new Set<string>();
	const note = (key: string, repeated: Set<string>) => {
		if (seen.has(key)) repeated.add(key);
		else seen.add(key);
	};

	for (const {feedId, url, text} of entries) {
		if (url) note(`${feedId} u ${url}`, urls);
		const lead = leadOf(text);
		if (lead) note(`${feedId} l ${lead}`, leads);
	}

	const strip = (keys: Set<string>) => new Set([...keys].map((key) => key.replace(/ [ul] /, ' ')));
	return {urls: strip(urls), leads: strip(leads)};
}

function leadOf(text: string): string {
	const newline = text.indexOf('\n');
	return newline === -1 ? '' : text.slice(newline + 1);
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
	const list = map.get(key);
	if (list) list.push(value);
	else map.set(key, [value]);
}
