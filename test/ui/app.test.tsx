import test from 'ava';
import {ansiRow} from '../../source/ui/first-paint.js';
import {terminalCells} from '../helpers/terminal-cells.js';
import {keys, plain, press, refreshSummary, renderReader, waitFor} from './harness.js';

const seedTitle = 'Tillerson to Lavrov: Russian meddling led to mistrust';

test('headlines: feeds column with unread counts, the list from the store, titles cut to one row', async (t) => {
	const {lastFrame, unmount} = await renderReader({width: 70, height: 12});
	t.teardown(unmount);
	const frame = plain(lastFrame());
	t.regex(frame, /All\s+5/);
	t.regex(frame, /Al Jazeera… +5 │/, 'long feed names are cut, counts stay');
	t.regex(frame, /● Tillerson to Lavrov: Russian med… +Al Jazeer… +2h\n/);
	for (const line of frame.split('\n')) t.true([...line].length <= 70, line);
	t.is(frame.split('\n').length, 12);
});

for (const [width, height, color] of [
	[120, 40, true],
	[80, 24, true],
	[64, 12, false],
] as const) {
	test(`the first paint, drawn before Ink loads, is the reader's first frame cell for cell (${width}×${height}${color ? '' : ', no colour'})`, async (t) => {
		const {lastFrame, firstPaintRows, unmount} = await renderReader({width, height, color, firstPaint: true});
		const painted = terminalCells(firstPaintRows!.map((row) => ansiRow(row)).join('\n'));
		t.is(painted.length, height);
		t.true(plain(lastFrame()).includes('Tillerson'));
		t.deepEqual(terminalCells(lastFrame()!), painted);
		// The styles really are compared: the selected row is inverse in both.
		t.true(painted.some((line) => line.includes('inverse')));
		unmount();
	});
}

test('the article: quotations styled, inline links marked [n] with a space, related links on their own lines', async (t) => {
	const {lastFrame, stdin, unmount} = await renderReader({width: 100, height: 60});
	t.teardown(unmount);
	await press(stdin, keys.enter);
	const frame = await waitFor(lastFrame, (text) => plain(text).includes('Russia has furiously'));
	const text = plain(frame);
	t.true(text.includes(seedTitle));
	t.regex(text, /Rex Tillerson \[1\] said on Monday/);
	t.regex(text, /→ OPINION: Is Russia a real threat to the West\? \[3\]/);
	// The quotation carries the quote look (italic + colour); the apostrophe in Moscow’s does not start one.
	t.regex(frame, /\u001B\[3m(?:\u001B\[\d+m)*“serious mistrust”/);
	t.notRegex(frame, /\u001B\[3m(?:\u001B\[\d+m)*’s/);
	await press(stdin, 'G');
	t.regex(plain(lastFrame()), /Source: Al Jazeera, News Agencies\n\n\s+Related stories\n\s+→ OPINION/);
});

test('only the visible window of the article is rendered, and it scrolls', async (t) => {
	const {lastFrame, stdin, unmount} = await renderReader({width: 100, height: 12});
	t.teardown(unmount);
	await press(stdin, keys.enter);
	const first = plain(await waitFor(lastFrame, (text) => plain(text).includes(seedTitle)));
	t.is(first.split('\n').length, 12);
	t.false(first.includes('Russia has furiously'));
	await press(stdin, 'G');
	const bottom = plain(lastFrame());
	t.false(bottom.includes(seedTitle));
	t.regex(bottom, /Related stories/);
});

test('Tab moves the focus through links in reading order and the status line shows the URL; Enter follows it; Esc comes back', async (t) => {
	const {lastFrame, stdin, unmount} = await renderReader({width: 100, height: 60});
	t.teardown(unmount);
	await press(stdin, keys.enter);
	await waitFor(lastFrame, (text) => plain(text).includes(seedTitle));
	await press(stdin, keys.tab);
	t.regex(plain(lastFrame()), /\[1\] https:\/\/www\.aljazeera\.com\/topics\/people\/rex-tillerson\.html\s*$/);
	t.regex(lastFrame()!, /\u001B\[7m[^\n]*Rex/, 'the focused link is shown inverse');
	await press(stdin, keys.tab, keys.tab, keys.tab);
	t.regex(plain(lastFrame()), /\[4\] https:\/\/www\.aljazeera\.com\/news\/2017\/08\/grand-jury/);
	await press(stdin, keys.shiftTab);
	t.regex(plain(lastFrame()), /\[3\] https:\/\/www\.aljazeera\.com\/indepth\/opinion/);
	await press(stdin, keys.tab, keys.enter);
	const related = await waitFor(lastFrame, (text) => plain(text).includes('This page stands in for the related story'));
	t.regex(plain(related), /Grand Jury convened for US-Russia probe/);
	await press(stdin, keys.escape);
	// The related page names the seed story too ("Back to: …"): wait until it is gone, not for the title.
	const relatedPage = 'This page stands in for the related story';
	const back = await waitFor(lastFrame, (text) => plain(text).includes(seedTitle) && !plain(text).includes(relatedPage));
	t.regex(plain(back), /\[4\] https:\/\/www\.aljazeera\.com\/news\/2017\/08\/grand-jury/, 'focus restored');
	await press(stdin, ']');
	await waitFor(lastFrame, (text) => plain(text).includes('This page stands in'));
	await press(stdin, '[');
	await waitFor(lastFrame, (text) => plain(text).includes(seedTitle) && !plain(text).includes(relatedPage));
	await press(stdin, 'q');
	t.regex(plain(lastFrame()), /All\s+4/, 'back on the headlines, the story now read');
});

test('digits jump to a link; o and y act on the focused link', async (t) => {
	const {lastFrame, stdin, unmount, opened, copied} = await renderReader({width: 100, height: 60});
	t.teardown(unmount);
	await press(stdin, keys.enter);
	await waitFor(lastFrame, (text) => plain(text).includes(seedTitle));
	await press(stdin, '5');
	t.regex(plain(lastFrame()), /\[5\] https:\/\/www\.congress\.gov\/bill\/115th-congress\/house-bill\/3364/);
	await press(stdin, 'o', 'y');
	t.deepEqual(opened, ['https://www.congress.gov/bill/115th-congress/house-bill/3364']);
	t.deepEqual(copied, ['https://www.congress.gov/bill/115th-congress/house-bill/3364']);
	t.regex(plain(lastFrame()), /Copied https:\/\/www\.congress\.gov/);
});

test('the help overlay lists the keys of the screen, from the same key map (custom bindings included)', async (t) => {
	const {lastFrame, stdin, unmount} = await renderReader({width: 100, height: 40, keyBindings: {refreshAll: ['F5']}});
	t.teardown(unmount);
	await press(stdin, '?');
	const help = plain(lastFrame());
	t.regex(help, /Headlines: keys/);
	t.regex(help, /F5\s+refresh all feeds/);
	t.regex(help, /\/\s+search titles and articles/);
	await press(stdin, keys.escape);
	t.notRegex(plain(lastFrame()), /Headlines: keys/);
	await press(stdin, keys.enter);
	await waitFor(lastFrame, (text) => plain(text).includes(seedTitle));
	await press(stdin, '?');
	t.regex(plain(lastFrame()), /Tab\s+focus the next link/);
});

test('typing in the search prompt never triggers shortcuts; results replace the list; Esc clears', async (t) => {
	const {lastFrame, stdin, unmount} = await renderReader({width: 100, height: 20});
	t.teardown(unmount);
	await press(stdin, '/', 'q', 'u', 'i', 't');
	t.regex(plain(lastFrame()), /Search: quit/);
	await press(stdin, keys.backspace, keys.backspace, keys.backspace, keys.backspace, 'g', 'r', 'a', 'n', 'd', keys.enter);
	const results = plain(lastFrame());
	t.regex(results, /Grand Jury convened for US-Russia probe/);
	t.notRegex(results, /Tillerson to Lavrov/);
	t.regex(results, /Search “grand” · 1 story/);
	await press(stdin, keys.escape);
	t.regex(plain(lastFrame()), /Tillerson to Lavrov/);
});

test('the add prompt keeps what was typed and shows the error under it, wrapped', async (t) => {
	const {lastFrame, stdin, unmount} = await renderReader({width: 100, height: 20});
	t.teardown(unmount);
	await press(stdin, 'a', 'n', 'o', 'p', 'e', keys.enter);
	const frame = await waitFor(lastFrame, (text) => plain(text).includes('not a feed'));
	t.regex(plain(frame), /Add feed \(URL or site\): nope *\n {2}not a feed: nope/);
	await press(stdin, keys.escape);
	t.notRegex(plain(lastFrame()), /Add feed/);
});

test('m, s, u and A change read state, stars and the filter', async (t) => {
	const {lastFrame, stdin, unmount, store} = await renderReader({width: 100, height: 20});
	t.teardown(unmount);
	await press(stdin, 'm');
	t.regex(plain(lastFrame()), /All\s+4/);
	await press(stdin, 'u');
	t.notRegex(plain(lastFrame()), /Tillerson to Lavrov/);
	await press(stdin, 's');
	t.is(store.items({starredOnly: true}).length, 1);
	await press(stdin, 'A');
	t.is(store.unreadCount(), 0);
	t.regex(plain(lastFrame()), /No unread stories here/);
});

test('NO_COLOR: no colours, but focus (inverse) and quotations (underline) still show', async (t) => {
	const {lastFrame, stdin, unmount} = await renderReader({width: 100, height: 60, color: false});
	t.teardown(unmount);
	await press(stdin, keys.enter);
	await waitFor(lastFrame, (text) => plain(text).includes(seedTitle));
	await press(stdin, keys.tab);
	const frame = lastFrame()!;
	t.notRegex(frame, /\u001B\[(?:3\d|9\d|38;)/, 'no foreground colours');
	t.regex(frame, /\u001B\[7m/);
	t.regex(frame, /\u001B\[4m(?:\u001B\[\d+m)*“serious mistrust”/);
});

test('OSC 8 links only when the terminal supports them, and only around our own URLs', async (t) => {
	const {hyperlinksSupported, hyperlink} = await import('../../source/ui/terminal-features.js');
	t.true(hyperlinksSupported({TERM_PROGRAM: 'WezTerm'}));
	t.true(hyperlinksSupported({VTE_VERSION: '6003'}));
	t.false(hyperlinksSupported({TERM_PROGRAM: 'WezTerm', TMUX: '/tmp/tmux-0/default,1,0'}));
	t.false(hyperlinksSupported({TERM: 'xterm-256color'}));
	t.true(hyperlinksSupported({FORCE_HYPERLINK: '1', TMUX: 'x'}));
	t.is(hyperlink('javascript:alert(1)', 'x'), 'x');
	t.is(hyperlink('https://a.example/\u0007x', 'x'), 'x');

	const {lastFrame, stdin, unmount} = await renderReader({width: 100, height: 40, hyperlinks: true});
	t.teardown(unmount);
	await press(stdin, keys.enter);
	const frame = await waitFor(lastFrame, (text) => plain(text).includes('Rex Tillerson'));
	t.true(frame.includes('\u001B]8;;https://www.aljazeera.com/topics/people/rex-tillerson.html\u0007Rex'));
	t.regex(plain(frame), /Rex Tillerson \[1\] said/);
});

test('without OSC 8 support no hyperlink sequence is written', async (t) => {
	const {lastFrame, stdin, unmount} = await renderReader({width: 100, height: 40});
	t.teardown(unmount);
	await press(stdin, keys.enter);
	const frame = await waitFor(lastFrame, (text) => plain(text).includes('Rex Tillerson'));
	t.false(frame.includes('\u001B]8;'));
});

test('after R, a feed that moved for good is named in the result, since its address changed', async (t) => {
	const {lastFrame, stdin, unmount} = await renderReader({
		width: 120,
		height: 20,
		async refresh(subscriptions, onEvent) {
			onEvent({type: 'start', total: subscriptions.length});
			onEvent({type: 'feed-moved', from: subscriptions[0]!.url, to: 'https://www.aljazeera.com/xml/rss/all-news.xml'});
			onEvent({type: 'feed-not-modified', url: subscriptions[0]!.url});
			return refreshSummary({total: 1, notModified: 1, milliseconds: 5});
		},
	});
	await press(stdin, 'R');
	const frame = await waitFor(lastFrame, (text) => text.includes('Refreshed 1 feed:'));
	t.regex(plain(frame), /Refreshed 1 feed: 0 new · moved to https:\/\/www\.aljazeera\.com\/xml\/rss\/all-news\.xml/);
	unmount();
});

test('following nothing, the list offers the starter feeds; S follows them and refreshes, once', async (t) => {
	const refreshed: string[][] = [];
	const {lastFrame, stdin, settings, store, unmount} = await renderReader({
		width: 160,
		height: 12,
		subscriptions: [],
		refresh: async (subscriptions) => {
			refreshed.push(subscriptions.map((subscription) => subscription.url));
			return refreshSummary({total: subscriptions.length});
		},
	});
	t.teardown(unmount);
	// The fixture feed's items are in the store, but nothing is followed.
	store.removeFeed('https://www.aljazeera.com/xml/rss/all.xml');
	await press(stdin, 'u', 'u');
	t.regex(plain(lastFrame()), /No feeds yet: a adds one, S adds 6 starter feeds \(Al Jazeera, BBC World/);
	await press(stdin, 'S');
	await waitFor(lastFrame, (text) => plain(text).includes('Refreshed 6 feeds'));
	t.is(settings.get('subscriptions').length, 6);
	t.deepEqual(refreshed, [settings.get('subscriptions').map((subscription) => subscription.url)]);
	await press(stdin, 'S');
	t.regex(plain(lastFrame()), /starter feeds are offered while you follow no feed/);
	t.is(settings.get('subscriptions').length, 6);
});

test('o says which program opened the link, or that none could and y copies it', async (t) => {
	for (const [result, expected] of [
		[{ok: true, command: 'firefox'}, /Opened with firefox: https:\/\/www\.congress\.gov/],
		[{ok: false, reason: 'xdg-open: not found'}, /Could not open a browser \(xdg-open: not found\): y copies the URL/],
	] as const) {
		const {lastFrame, stdin, unmount} = await renderReader({width: 120, height: 60, openResult: result});
		await press(stdin, keys.enter);
		await waitFor(lastFrame, (text) => plain(text).includes(seedTitle));
		await press(stdin, '5', 'o');
		await waitFor(lastFrame, (text) => expected.test(plain(text)));
		t.pass();
		unmount();
	}
});

test('K opens Key quotes: the quotations by speaker with their roles; Enter jumps to the chosen one, whose speaker the status line names; Esc closes', async (t) => {
	const {lastFrame, stdin, unmount} = await renderReader({width: 100, height: 24});
	t.teardown(unmount);
	await press(stdin, keys.enter);
	await waitFor(lastFrame, (text) => plain(text).includes('Rex Tillerson'));
	await press(stdin, 'K');
	const overlay = plain(await waitFor(lastFrame, (text) => plain(text).includes('Key quotes')));
	t.regex(overlay, /Rex Tillerson {2}US Secretary of State\n\s+“serious mistrust”/);
	t.regex(overlay, /Dmitry Medvedev {2}Russian Prime Minister/);
	t.regex(overlay, /Quote: Rex Tillerson, US Secretary of State/);
	// The last quotation: Medvedev's, near the foot of the article.
	await press(stdin, 'G', keys.enter);
	const jumped = plain(await waitFor(lastFrame, (text) => !plain(text).includes('Key quotes')));
	t.regex(jumped, /full-scale trade war/);
	t.regex(jumped, /Quote: Dmitry Medvedev, Russian Prime Minister/);
	await press(stdin, 'K');
	await waitFor(lastFrame, (text) => plain(text).includes('Key quotes'));
	await press(stdin, keys.escape);
	const closed = plain(await waitFor(lastFrame, (text) => !plain(text).includes('Key quotes')));
	t.regex(closed, /full-scale trade war/);
});
