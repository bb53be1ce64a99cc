import test from 'ava';
import type {ArticleDocument} from '../../../source/articles/document.js';
import {emptyHistory, historyReducer, type HistoryAction} from '../../../source/ui/state/article-history.js';

const run = (...actions: HistoryAction[]) => actions.reduce(historyReducer, emptyHistory);
const document = {title: 'A page'} as unknown as ArticleDocument;

test('opening pages stacks them; back and forward keep each page with its scroll and focused link', (t) => {
	const history = run(
		{type: 'open', id: 1, url: 'https://a.example/'},
		{type: 'loaded', id: 1, document},
		{type: 'view', scroll: 40, focus: 3},
		{type: 'open', id: 2, url: 'https://b.example/'},
		{type: 'back'},
	);
	t.is(history.index, 0);
	t.like(history.entries[0], {url: 'https://a.example/', status: 'ready', scroll: 40, focus: 3});
	const forward = historyReducer(history, {type: 'forward'});
	t.like(forward.entries[forward.index], {url: 'https://b.example/', status: 'loading', scroll: 0, focus: -1});
	// Opening from the middle drops what was forward of it, as a browser does.
	const branched = historyReducer(history, {type: 'open', id: 3, url: 'https://c.example/'});
	t.deepEqual(
		branched.entries.map((entry) => entry.url),
		['https://a.example/', 'https://c.example/'],
	);
	t.is(historyReducer(history, {type: 'back'}).index, -1, 'back from the first page closes the reader');
});

test('a load that ends after its page was left still lands on that page; a failure keeps its reason', (t) => {
	const history = run({type: 'open', id: 1, url: 'https://a.example/'}, {type: 'open', id: 2, url: 'https://b.example/'});
	const loaded = historyReducer(history, {type: 'loaded', id: 1, document});
	t.like(loaded.entries[0], {status: 'ready'});
	t.like(loaded.entries[1], {status: 'loading'});
	t.like(historyReducer(loaded, {type: 'failed', id: 2, error: 'HTTP 404'}).entries[1], {status: 'failed', error: 'HTTP 404'});
});

test('a remembered reading position waits for the layout, and the first view applied clears it', (t) => {
	const opened = run({type: 'open', id: 1, url: 'https://a.example/', resume: {fraction: 0.5, focus: 2}});
	t.deepEqual(opened.entries[0]!.resume, {fraction: 0.5, focus: 2});
	t.is(historyReducer(opened, {type: 'view', scroll: 60, focus: 2}).entries[0]!.resume, undefined);
	t.is(historyReducer(emptyHistory, {type: 'view', scroll: 1, focus: 0}), emptyHistory, 'no page: nothing to scroll');
});
