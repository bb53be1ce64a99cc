import test from 'ava';
import {fixtureStore, keys, plain, press, refreshSummary, renderReader, waitFor} from './harness.js';

const feedUrl = 'https://www.aljazeera.com/xml/rss/all.xml';
const seedTitle = 'Tillerson to Lavrov: Russian meddling led to mistrust';
const morning = new Date('2017-08-07T08:00:00Z');

/** The reader, with an add prompt whose every input is already followed: the inputs are recorded. */
async function readerRecordingAdds() {
	const added: string[] = [];
	const reader = await renderReader({
		width: 100,
		height: 20,
		addFeed: async (input) => {
			added.push(input);
			return {status: 'exists', url: input} as never;
		},
	});
	return {...reader, added};
}

test('a failed feed says why above its stories: the error, HTTP status, last worked and tried, the retry, its URL; r retries it', async (t) => {
	const refreshed: string[][] = [];
	// The last refresh failed two minutes ago and the server asked to wait: the store as the refresh left it.
	const store = await fixtureStore(feedUrl);
	const feed = store.feedByUrl(feedUrl)!;
	store.markFailed(
		feed.id,
		{kind: 'http', message: 'www.aljazeera.com: HTTP 503 Service Unavailable', status: 503},
		'2017-08-07T08:58:00Z',
	);
	store.setHostRetryAfter('www.aljazeera.com', '2017-08-07T09:30:00Z');
	const {lastFrame, stdin, unmount} = await renderReader({
		width: 120,
		height: 30,
		store,
		now: () => new Date('2017-08-07T09:00:00Z'),
		refresh: async (subscriptions) => {
			refreshed.push(subscriptions.map((subscription) => subscription.url));
			return refreshSummary();
		},
	});
	t.teardown(unmount);

	// Into the feeds column, down past All and Starred to the feed.
	await press(stdin, keys.tab, 'j', 'j');
	const frame = plain(await waitFor(lastFrame, (text) => plain(text).includes('HTTP 503 ·')));
	t.regex(frame, /✗ Al Jazeera English/);
	t.regex(frame, /│ ✗ www\.aljazeera\.com: HTTP 503 Service Unavailable/);
	t.regex(frame, /HTTP 503 · last worked 1h ago · last tried 2m ago/);
	t.regex(frame, /The server asked to wait until \d\d:30; r retries it now, R retries every feed/);
	t.regex(frame, /│ https:\/\/www\.aljazeera\.com\/xml\/rss\/all\.xml/);
	t.regex(frame, /Tillerson to Lavrov/, 'the stories it has are still listed, below');

	await press(stdin, 'r');
	t.deepEqual(refreshed, [[feedUrl]]);
	// A feed that works says nothing of the kind.
	await press(stdin, 'k');
	t.notRegex(plain(lastFrame()), /last tried/);
});

test('A marks the list read and U undoes it for ten seconds, from the status line', async (t) => {
	let now = morning;
	const {lastFrame, stdin, unmount, store} = await renderReader({width: 100, height: 20, now: () => now});
	t.teardown(unmount);
	await press(stdin, 'A');
	t.is(store.unreadCount(), 0);
	t.regex(plain(lastFrame()), /Marked 5 stories read · U undoes/);
	await press(stdin, 'U');
	t.is(store.unreadCount(), 5);
	t.regex(plain(lastFrame()), /5 stories unread again/);
	t.regex(plain(lastFrame()), /All\s+5/);

	await press(stdin, 'A');
	now = new Date(morning.getTime() + 11_000);
	await press(stdin, 'U');
	t.is(store.unreadCount(), 0, 'too late: the list stays read');
	t.regex(plain(lastFrame()), /Nothing to undo/);
});

test('reopening an article returns to where reading stopped, and a restart reopens on the feed and story left', async (t) => {
	const first = await renderReader({width: 100, height: 20});
	await press(first.stdin, 'j', 'j', 'j');
	const story = plain(first.lastFrame())
		.split('\n')
		.find((line) => line.includes('│') && /[●★ ] \S/.test(line.split('│')[1] ?? ''));
	t.truthy(story);
	await press(first.stdin, keys.enter);
	await waitFor(first.lastFrame, (text) => plain(text).includes('Is Russia a real threat') || plain(text).includes('·'));
	await press(first.stdin, keys.pageDown, keys.pageDown, keys.tab);
	const reading = plain(first.lastFrame());
	await press(first.stdin, keys.escape);
	await press(first.stdin, keys.enter);
	t.is(plain(await waitFor(first.lastFrame, (text) => plain(text) === reading)), reading, 'the same scroll and focused link');
	await press(first.stdin, 'q', 'q');
	first.unmount();

	// The next start, over the same store: the fourth story of All is selected, and its article opens where it was left.
	const second = await renderReader({width: 100, height: 20, store: first.store, firstPaint: true});
	t.teardown(second.unmount);
	t.is(
		plain(second.firstPaintRows!.map((row) => row.map((segment) => segment.text).join('')).join('\n')).split('\n')[3],
		plain(second.lastFrame()).split('\n')[3],
	);
	await press(second.stdin, keys.enter);
	t.is(plain(await waitFor(second.lastFrame, (text) => plain(text) === reading)), reading);
});

test('prompts edit like a shell: Ctrl-A/E move, Ctrl-W deletes a word, Ctrl-U clears; a paste ending in a newline submits', async (t) => {
	const {lastFrame, stdin, unmount, added} = await readerRecordingAdds();
	t.teardown(unmount);
	// Each edit is drawn in two frames (see Prompt): wait for the line expected, whatever the machine's load.
	const promptIs = async (expected: string) =>
		waitFor(lastFrame, (text) => plain(text).split('\n').at(-1)!.trimEnd() === `Add feed (URL or site):${expected ? ` ${expected}` : ''}`);
	await press(stdin, 'a', ...'bbc world news');
	await press(stdin, '\u0017');
	await promptIs('bbc world');
	await press(stdin, '\u0001', 'x');
	const frame = await promptIs('xbbc world');
	// The cursor is drawn inverse on the character after the x.
	t.regex(frame, /x\u001B\[7mb\u001B\[27mbc world/);
	await press(stdin, '\u0005', '!');
	await promptIs('xbbc world !');
	await press(stdin, '\u0015');
	await promptIs('');
	// Bracketed paste: the text and its newline in one piece.
	await press(stdin, '\u001B[200~https://feeds.example/world.xml\n\u001B[201~');
	await waitFor(lastFrame, (text) => plain(text).includes('Already subscribed to https://feeds.example/world.xml'));
	t.deepEqual(added, ['https://feeds.example/world.xml']);
});

test('Ctrl-Z suspends (the terminal handed back to the shell until fg), from the list, an article and a prompt', async (t) => {
	const {lastFrame, stdin, unmount, suspended} = await renderReader({width: 100, height: 20});
	t.teardown(unmount);
	await press(stdin, '\u001A');
	t.is(suspended.length, 1);
	await press(stdin, keys.enter);
	await waitFor(lastFrame, (text) => plain(text).includes(seedTitle) && plain(text).includes('·'));
	await press(stdin, '\u001A', 'q', '/', '\u001A');
	t.is(suspended.length, 3);
	t.regex(plain(lastFrame()), /Search: *$/m, 'the prompt is still there, and no z was typed');
});

for (const [width, height] of [
	[80, 24],
	[120, 40],
] as const) {
	test(`at ${width}×${height} the help overlay fits: its title and footer show, and j/k/G scroll through every key`, async (t) => {
		const {lastFrame, stdin, unmount} = await renderReader({width, height});
		t.teardown(unmount);
		await press(stdin, '?');
		const top = plain(lastFrame()).split('\n');
		t.is(top.length, height);
		t.regex(top[0]!, /Headlines: keys/);
		t.regex(top.at(-2)!, /\? or Esc closes this help/);
		t.regex(top.join('\n'), /\?\s+show or hide this help/);
		await press(stdin, 'G');
		const bottom = plain(lastFrame());
		t.regex(bottom, /Esc\s+clear the search/);
		t.regex(bottom, /q Ctrl-C\s+quit/);
		t.regex(bottom.split('\n')[0]!, /Headlines: keys/);
		if (width === 80) t.regex(bottom, /\d+–\d+ of \d+, j\/k scroll/);
		await press(stdin, 'g');
		t.regex(plain(lastFrame()), /\?\s+show or hide this help/);
	});
}

test('keys that arrive in one read (typed while the reader started, or over a slow link) are each handled, the prompt’s text included', async (t) => {
	const {lastFrame, stdin, unmount, added} = await readerRecordingAdds();
	t.teardown(unmount);
	stdin.write('jjj');
	await waitFor(lastFrame, (text) => /All · 5 stories/.test(plain(text)) && /\u001B\[7m[^\n]*Grand Jury/.test(text ?? ''));
	stdin.write('abbc.co.uk\r');
	await waitFor(lastFrame, (text) => plain(text).includes('Already subscribed to bbc.co.uk'));
	t.deepEqual(added, ['bbc.co.uk']);
});
