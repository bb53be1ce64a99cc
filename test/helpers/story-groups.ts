import {readFileSync} from 'node:fs';
import {join} from 'node:path';
import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {parseFeed} from '../../source/feeds/parse.js';
import {decodeBody} from '../../source/net/charset.js';
import type {ParsedFeed} from '../../source/feeds/item.js';
import {Store} from '../../source/store/store.js';
import {corporaDirectory, repoDirectory} from './paths.js';

type FixtureFeedFile = {readonly name: string; readonly path: string};

const corpusFeeds = (folder: string, names: readonly string[]): FixtureFeedFile[] =>
	names.map((name) => ({name, path: join(corporaDirectory, 'feeds', folder, name)}));
const ownFeeds = (folder: string, names: readonly string[]): FixtureFeedFile[] =>
	names.map((name) => ({name, path: join(repoDirectory, 'test/fixtures', folder, name)}));

/**
 * The labelled story fixtures: real feeds from the corpus and feeds derived from them, with the true
 * stories in groups.json. `development` (test/fixtures/stories/) is what the rules were made on;
 * `heldOut` (test/fixtures/stories-heldout/) was built from other feeds after they were fixed.
 */
export const storySets = {
	development: {
		groups: join(repoDirectory, 'test/fixtures/stories/groups.json'),
		feeds: [
			...corpusFeeds('pretty-parser-2016', [
				'theguardian_world.xml',
				'theguardian_football.xml',
				'thehindu.xml',
				'vox.xml',
				'wired.xml',
				'cnet.xml',
				'mashable.xml',
				'sci_am.xml',
				'empire_kop.xml',
				'caravan.xml',
				'brain_pickings.xml',
				'aljazeera.xml',
			]),
			...ownFeeds('stories', [
				'guardian-sections.xml',
				'news-aggregator.xml',
				'world-wire.xml',
				'thehindu-mobile.xml',
				'regional-syndication.xml',
				'follow-ups.xml',
			]),
		],
	},
	heldOut: {
		groups: join(repoDirectory, 'test/fixtures/stories-heldout/groups.json'),
		feeds: [
			...corpusFeeds('rss-parser/test/input', ['guardian.rss', 'uolNoticias.rss', 'heise.atom']),
			...corpusFeeds('rsparser/Tests/RSParserTests/Resources', [
				'livemint.xml',
				'DaringFireball.atom',
				'DaringFireball.json',
				'aktuality.rss',
				'macworld.rss',
			]),
			...corpusFeeds('feedjira/spec/sample_feeds', ['TechCrunch.xml']),
			...corpusFeeds('node-feedparser/test/feeds', ['tpm.atom', 'wapowellness.xml']),
			...ownFeeds('stories-heldout', [
				'guardian-feedburner.xml',
				'politics-roundup.xml',
				'livemint-amp.xml',
				'uol-copia.xml',
				'negatives.xml',
			]),
		],
	},
} satisfies Record<string, {groups: string; feeds: FixtureFeedFile[]}>;

export type StorySet = keyof typeof storySets;

/** The development fixture's feed files (tests that serve some of them). */
export const storyFixtureFeeds: readonly FixtureFeedFile[] = storySets.development.feeds;

export type FixtureFeed = {readonly name: string; readonly url: string; readonly feed: ParsedFeed};

export async function loadStoryFixture(set: StorySet = 'development'): Promise<FixtureFeed[]> {
	return Promise.all(
		storySets[set].feeds.map(async ({name, path}) => {
			const url = `http://stories.test/${name}`;
			return {name, url, feed: await parseFeed(decodeBody(readFileSync(path), undefined, 'xml').text, url)};
		}),
	);
}

/**
 * Stores the fixture's feeds as refreshes would and lets the store group them: in one pass after all
 * feeds (a first refresh), or after each feed (feeds arriving over several refreshes). Returns every
 * item's `feed#id` key with its story (the id of the story's first item) and the milliseconds grouping took.
 */
export async function groupStoryFixture(
	pass: 'once' | 'per-feed',
	set: StorySet = 'development',
): Promise<{stories: Map<string, number>; feeds: number; ms: number}> {
	const feeds = await loadStoryFixture(set);
	const directory = mkdtempSync(join(tmpdir(), 'broadsheet-stories-'));
	const store = Store.open(join(directory, 'broadsheet.db'));
	try {
		let ms = 0;
		const group = () => {
			const started = performance.now();
			store.stories.groupNew();
			ms += performance.now() - started;
		};

		for (const {url, feed} of feeds) {
			const row = store.ensureFeed(url);
			store.saveFetched(row.id, feed, {etag: undefined, lastModified: undefined, now: '2016-06-14T19:00:00.000Z', keep: 10_000});
			if (pass === 'per-feed') group();
		}

		if (pass === 'once') group();
		const names = new Map(feeds.map(({name, url}) => [url, name]));
		const rows = store.db
			.prepare('SELECT i.guid, f.url, coalesce(i.dup_of, i.id) AS story FROM items i JOIN feeds f ON f.id = i.feed_id')
			.all() as Array<{guid: string; url: string; story: number}>;
		return {stories: new Map(rows.map((row) => [`${names.get(row.url)}#${row.guid}`, row.story])), feeds: feeds.length, ms};
	} finally {
		store.close();
		rmSync(directory, {recursive: true, force: true});
	}
}

/** The true stories: `feed#item id` keys in groups (labels may chain through an item: they are joined). */
export function labelledStories(set: StorySet = 'development'): Map<string, number> {
	const groups = JSON.parse(readFileSync(storySets[set].groups, 'utf8')) as string[][];
	const parent = new Map<string, string>();
	const find = (key: string): string => {
		let root = key;
		while (parent.has(root) && parent.get(root) !== root) root = parent.get(root)!;
		return root;
	};

	for (const group of groups) for (const key of group.slice(1)) parent.set(find(key), find(group[0]!));
	const ids = new Map<string, number>();
	const story = new Map<string, number>();
	for (const group of groups)
		for (const key of group) {
			const root = find(key);
			if (!ids.has(root)) ids.set(root, ids.size);
			story.set(key, ids.get(root)!);
		}

	return story;
}

export type PairScore = {
	readonly items: number;
	readonly feeds: number;
	readonly truePairs: number;
	readonly foundPairs: number;
	readonly precision: number;
	readonly recall: number;
	readonly falsePositives: Array<[string, string]>;
	readonly falseNegatives: Array<[string, string]>;
};

/** Pairwise precision and recall of found stories (key → story id) against the labels; unlabelled items are alone. */
export function scorePairs(found: ReadonlyMap<string, number>, feeds: number, set: StorySet = 'development'): PairScore {
	const keys = [...found.keys()];
	const truth = labelledStories(set);
	const missing = [...truth.keys()].filter((key) => !keys.includes(key));
	if (missing.length > 0) throw new Error(`labels name items the fixture lacks: ${missing.slice(0, 3).join(', ')}`);
	const pairs = (groups: ReadonlyMap<string, number>) => {
		const byStory = new Map<number, string[]>();
		for (const [key, story] of groups) byStory.set(story, [...(byStory.get(story) ?? []), key]);
		const set = new Set<string>();
		for (const members of byStory.values())
			for (let a = 0; a < members.length; a++)
				for (let b = a + 1; b < members.length; b++) set.add([members[a], members[b]].sort().join('\u0000'));
		return set;
	};

	const truePairs = pairs(truth);
	const foundPairs = pairs(found);
	const hits = [...foundPairs].filter((pair) => truePairs.has(pair)).length;
	const split = (pair: string) => pair.split('\u0000') as [string, string];
	return {
		items: keys.length,
		feeds,
		truePairs: truePairs.size,
		foundPairs: foundPairs.size,
		precision: foundPairs.size === 0 ? 1 : hits / foundPairs.size,
		recall: truePairs.size === 0 ? 1 : hits / truePairs.size,
		falsePositives: [...foundPairs].filter((pair) => !truePairs.has(pair)).map(split),
		falseNegatives: [...truePairs].filter((pair) => !foundPairs.has(pair)).map(split),
	};
}
