import {headlineWords, leadOf, storySimilarity, StoryWords} from './same-story.js';

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

/** The words compared (StoryWords) are made only for an item that is a candidate, or has one. */
type Indexed = {readonly entry: StoryEntry; words?: StoryWords; visit?: number};

/** Copies of one story further apart than this are a follow-up or a recurring title, never the same story. */
export const storyWindowMs = 3 * 24 * 60 * 60 * 1000;

// Candidates are the items sharing one of a new headline's three rarest words: a copy shares most of
// its headline (Jaccard ≥ 0.6), so it shares one of those. A word carried by this many recent headlines
// ("the", "trump", "f12") is not read and stops growing: it bounds the work on uniform headlines.
// Numbers ("3", "2016") are left out of the index: they tell stories apart too rarely to be worth it.
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
	/** One item per URL, a list when several share it. */
	private readonly byUrl = new Map<string, Indexed | Indexed[]>();
	/** Null: a word too common to read (wordCapacity). */
	private readonly byWord = new Map<string, Indexed[] | null>();
	private visits = 0;
	/** The feeds of each story with copies (a story of one item is in its item's feed). */
	private readonly feedsOfStory = new Map<number, Set<number>>();
	// The item being placed and the best story found for it so far.
	private placing: Omit<StoryEntry, 'story'> | undefined;
	private placingWords: StoryWords | undefined;
	private best = {story: 0, feedId: 0, score: 0};

	/**
	 * @param repeated what a feed gives to more than one of its items, and so says nothing about which
	 * story an item is: a URL (its home page, a section front) or a lead ("Click to enlarge…", a weekly
	 * column's blurb).
	 */
	constructor(private readonly repeated: FeedRepeats = new FeedRepeats(() => [])) {}

	/** Makes an item known, as the story it already belongs to (`storyFeed`: the feed of the story's first item). */
	add(row: StoryEntry & {readonly storyFeed?: number}): void {
		const entry: StoryEntry = {id: row.id, feedId: row.feedId, time: row.time, url: row.url, text: row.text, story: row.story};
		if (entry.story !== entry.id) this.noteFeed(entry.story, row.storyFeed ?? entry.feedId, entry.feedId);
		this.index({entry}, headlineWords(entry.text));
	}

	/** The story a new item repeats (the id of its first item), or undefined; then makes the item known. */
	place(row: Omit<StoryEntry, 'story'>): number | undefined {
		// A plain object of our own: rows from SQLite are dictionaries, slow to read in this loop.
		const entry: {-readonly [K in keyof StoryEntry]: StoryEntry[K]} = {
			id: row.id,
			feedId: row.feedId,
			time: row.time,
			url: row.url,
			text: row.text,
			story: row.id,
		};
		this.placing = entry;
		this.placingWords = undefined;
		this.best = {story: 0, feedId: 0, score: 0};
		const title = headlineWords(entry.text);
		const sameUrl = entry.url ? this.byUrl.get(entry.url) : undefined;
		if (sameUrl && !this.repeated.hasUrl(entry.feedId, entry.url!))
			for (const other of Array.isArray(sameUrl) ? sameUrl : [sameUrl]) this.consider(other, true);

		// The postings of the (up to) three rarest headline words, without sorting them all.
		const rarest: Indexed[][] = [];
		for (const word of title) {
			const postings = this.byWord.get(word);
			if (!postings) continue;
			if (rarest.length < rareWords) rarest.push(postings);
			else {
				const longest = rarest.reduce((widest, list, index) => (list.length > rarest[widest]!.length ? index : widest), 0);
				if (postings.length < rarest[longest]!.length) rarest[longest] = postings;
			}
		}

		const visit = ++this.visits;
		for (const postings of rarest)
			for (const other of postings) {
				if (other.visit === visit) continue;
				other.visit = visit;
				this.consider(other, false);
			}

		const {story, feedId, score} = this.best;
		const found = score > 0 ? story : undefined;
		if (found !== undefined) {
			this.noteFeed(found, feedId, entry.feedId);
			entry.story = found;
		}
		const indexed: Indexed = {entry};
		if (this.placingWords) indexed.words = this.placingWords;
		this.index(indexed, title);
		return found;
	}

	private consider(other: Indexed, byUrl: boolean): void {
		const entry = this.placing!;
		const candidate = other.entry;
		if (candidate.feedId === entry.feedId || Math.abs(candidate.time - entry.time) > storyWindowMs) return;
		if (this.feedsOfStory.get(candidate.story)?.has(entry.feedId)) return;
		if (byUrl && this.repeated.hasUrl(candidate.feedId, candidate.url!)) return;
		const score = byUrl ? 2 : storySimilarity((this.placingWords ??= this.wordsOf(entry)), (other.words ??= this.wordsOf(candidate)));
		if (score > this.best.score) this.best = {story: candidate.story, feedId: candidate.feedId, score};
	}

	/** A story gained an item of `feedId`; `storyFeed` is the feed of the item it was found through. */
	private noteFeed(story: number, storyFeed: number, feedId: number): void {
		const feeds = this.feedsOfStory.get(story);
		if (feeds) feeds.add(feedId);
		else this.feedsOfStory.set(story, new Set([storyFeed, feedId]));
	}

	private index(indexed: Indexed, title: readonly string[]): void {
		const {url} = indexed.entry;
		if (url) {
			const known = this.byUrl.get(url);
			if (known === undefined) this.byUrl.set(url, indexed);
			else if (Array.isArray(known)) known.push(indexed);
			else this.byUrl.set(url, [known, indexed]);
		}

		for (const word of title) {
			if (isNumber(word)) continue;
			const postings = this.byWord.get(word);
			if (postings === undefined) this.byWord.set(word, [indexed]);
			else if (postings !== null) {
				if (postings.length < wordCapacity) postings.push(indexed);
				else this.byWord.set(word, null);
			}
		}
	}

	private wordsOf(entry: Pick<StoryEntry, 'feedId' | 'text'>): StoryWords {
		return new StoryWords(entry.text, () => this.repeated.hasLead(entry.feedId, leadOf(entry.text)));
	}
}

type FeedEntry = Pick<StoryEntry, 'url' | 'text'>;

/** The URLs and leads each feed gives to more than one of its items, worked out for a feed when first asked. */
export class FeedRepeats {
	private readonly repeatsOf = new Map<number, {urls: Set<string>; leads: Set<string>}>();

	/** `entriesOf`: a feed's items (its latest ones: a thousand are plenty to see what it repeats). */
	constructor(private readonly entriesOf: (feedId: number) => readonly FeedEntry[]) {}

	hasUrl(feedId: number, url: string): boolean {
		return this.repeats(feedId).urls.has(url);
	}

	hasLead(feedId: number, lead: string): boolean {
		return lead !== '' && this.repeats(feedId).leads.has(lead);
	}

	private repeats(feedId: number): {urls: Set<string>; leads: Set<string>} {
		let found = this.repeatsOf.get(feedId);
		if (!found) {
			const entries = this.entriesOf(feedId);
			found = {urls: repeated(entries.map((entry) => entry.url)), leads: repeated(entries.map((entry) => leadOf(entry.text)))};
			this.repeatsOf.set(feedId, found);
		}

		return found;
	}
}

/** The values that occur more than once. */
function repeated(values: ReadonlyArray<string | null>): Set<string> {
	const seen = new Set<string>();
	const twice = new Set<string>();
	for (const value of values) {
		if (!value) continue;
		if (seen.has(value)) twice.add(value);
		else seen.add(value);
	}

	return twice;
}

function isNumber(word: string): boolean {
	const first = word.charCodeAt(0);
	return first >= 48 && first <= 57 && /^\d+$/.test(word);
}
