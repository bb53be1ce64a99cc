import {readFileSync} from 'node:fs';
import test from 'ava';
import {startServer} from '../helpers/programmable-server.js';
import {runCli} from '../helpers/run-cli.js';
import {storyFixtureFeeds} from '../helpers/story-groups.js';
import {tempHome} from '../helpers/temp-home.js';

// Three feeds of the labelled story fixture, served from loopback and refreshed by the real CLI.
const names = ['theguardian_world.xml', 'news-aggregator.xml', 'world-wire.xml'];

test('refresh groups the stories; export --dedupe gives one record per story with the others in alsoIn, in every format', async (t) => {
	const files = new Map(
		storyFixtureFeeds.filter((feed) => names.includes(feed.name)).map((feed) => [`/${feed.name}`, readFileSync(feed.path)]),
	);
	const server = await startServer((request, response) => {
		const body = files.get(request.url ?? '');
		response.writeHead(body ? 200 : 404, {'content-type': 'application/rss+xml'});
		response.end(body);
	});
	t.teardown(server.close);
	const home = tempHome(
		t,
		names.slice(0, 2).map((name) => ({url: server.url(`/${name}`)})),
	);
	t.is((await runCli(['refresh'], {home})).code, 0);
	// A feed added later is grouped as it is added, not at the next refresh.
	const added = await runCli(['add', server.url(`/${names[2]!}`)], {home});
	t.is(added.code, 0, added.stderr);

	const records = async (...more: string[]) => {
		const result = await runCli(['export', '--format', 'ndjson', ...more], {home});
		t.is(result.code, 0, result.stderr);
		return result.stdout
			.trimEnd()
			.split('\n')
			.map(
				(line) =>
					JSON.parse(line) as {
						id: string;
						title: string;
						feedTitle: string;
						alsoIn?: Array<{id: string; feedTitle: string; title: string}>;
					},
			);
	};

	const every = await records();
	const stories = await records('--dedupe');
	t.false('alsoIn' in every[0]!, 'the default export is one record per item, as before');
	const copies = stories.reduce((sum, record) => sum + record.alsoIn!.length, 0);
	t.true(copies >= 30, `${copies} copies named`);
	t.is(stories.length + copies, every.length, 'every item is a story or one of its copies, once');
	const berlusconi = stories.find((record) => record.title === 'Silvio Berlusconi undergoes heart surgery');
	if (berlusconi) t.true(berlusconi.alsoIn!.length <= 2);
	const named = stories.find((record) => record.alsoIn!.length > 0)!;
	t.truthy(named.alsoIn![0]!.feedTitle);
	t.truthy(named.alsoIn![0]!.id);
	t.not(named.alsoIn![0]!.feedTitle, named.feedTitle, 'the copies are in other feeds');
	t.true(
		stories.some((record) => record.alsoIn!.some((copy) => copy.feedTitle === 'World wire')),
		'the added feed’s copies are in their stories',
	);

	const json = JSON.parse((await runCli(['export', '--dedupe'], {home})).stdout) as {items: unknown[]};
	t.is(json.items.length, stories.length);
	const csv = (await runCli(['export', '--format', 'csv', '--dedupe'], {home})).stdout.split('\r\n');
	t.true(csv[0]!.endsWith(',alsoIn'));
	t.is(csv.filter(Boolean).length, stories.length + 1);
	t.regex((await runCli(['export', '--format', 'markdown', '--dedupe'], {home})).stdout, /also in (News aggregator|World wire)/);
	t.regex((await runCli(['export', '--format', 'html', '--dedupe'], {home})).stdout, /also in (News aggregator|World wire)/);
	t.is((await runCli(['unread'], {home})).stdout, `${every.length}\n`, 'unread counts items per feed, as the feeds do');

	// --mark-read with --dedupe marks the copies read too: read state belongs to the story.
	t.is((await runCli(['export', '--dedupe', '--mark-read', '--output', `${home}/out.json`], {home})).code, 0);
	t.is((await runCli(['unread'], {home})).stdout, '0\n');
});
