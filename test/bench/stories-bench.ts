import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {parseFeed} from '../../source/feeds/parse.js';
import {Store} from '../../source/store/store.js';
import {groupStoryFixture, scorePairs, type StorySet} from '../helpers/story-groups.js';
import {richFeed} from './rich-feeds.js';
import {median, ms, printTable} from './stats.js';

/**
 * One story once: pairwise precision and recall of the story groups on the labelled fixtures, and what
 * grouping costs a refresh (the pass after a cold refresh of 500 rich feeds, 25,000 new items in one
 * three-day window, whose headlines share a 60-word vocabulary: the matcher's worst case).
 */
export async function benchStories(): Promise<void> {
	const names: Record<StorySet, string> = {development: 'development (rules made on it)', heldOut: 'held out (built after, scored once)'};
	const rows: string[][] = [];
	for (const set of ['development', 'heldOut'] as const) {
		const {stories, feeds, ms: took} = await groupStoryFixture('once', set);
		const score = scorePairs(stories, feeds, set);
		rows.push([
			names[set],
			String(score.items),
			String(feeds),
			String(score.truePairs),
			score.precision.toFixed(3),
			score.recall.toFixed(3),
			ms(took),
		]);
	}

	printTable(
		'One story once: story groups (goal: pairwise precision ≥ 0.97, recall ≥ 0.9)',
		['fixture', 'items', 'feeds', 'true pairs', 'precision', 'recall', 'grouping'],
		rows,
	);

	const directory = mkdtempSync(join(tmpdir(), 'broadsheet-bench-stories-'));
	try {
		const feeds = await Promise.all(
			Array.from({length: 500}, async (_, index) => parseFeed(richFeed(index, 50), `https://news.example/f${index}`)),
		);
		const times: number[] = [];
		for (let round = 0; round < 3; round++) {
			const store = Store.open(join(directory, `round-${round}.db`));
			for (const [index, feed] of feeds.entries())
				store.saveFetched(store.ensureFeed(`https://news.example/f${index}`).id, feed, {
					etag: undefined,
					lastModified: undefined,
					now: '2026-11-01T00:00:00Z',
					keep: 1000,
				});
			const started = performance.now();
			store.stories.groupNew();
			times.push(performance.now() - started);
			store.close();
		}

		printTable(
			'Story grouping after a cold refresh, 500 rich feeds × 50 items (median of 3)',
			['new items', 'grouping'],
			[['25,000', ms(median(times))]],
		);
	} finally {
		rmSync(directory, {recursive: true, force: true});
	}
}
