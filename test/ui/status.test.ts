import test from 'ava';
import {refreshSummary} from './harness.js';
import {createKeyMap} from '../../source/ui/keymap.js';
import {hintsFor, refreshResult, restingHeadlines, statusText} from '../../source/ui/status.js';

const base = restingHeadlines('All', 1);

test('the status line says the most urgent thing: digits typed, a message, the refresh, then where you are', (t) => {
	t.deepEqual(statusText(base), {text: 'All · 1 story', error: false});
	t.deepEqual(statusText({...base, unreadOnly: true, count: 3}), {text: 'All (unread) · 3 stories', error: false});
	t.deepEqual(statusText({...base, search: {query: 'russia'}, count: 0}), {text: 'Search “russia” · 0 stories', error: false});
	t.deepEqual(statusText({...base, progress: {total: 9, done: 4, failed: 1}}), {text: 'Refreshing 4/9 · 1 failed', error: false});
	t.deepEqual(statusText({...base, progress: {total: 9, done: 4, failed: 0}, message: {text: 'Copied', error: false}}), {
		text: 'Copied',
		error: false,
	});
	t.deepEqual(statusText({...base, digits: '1', message: {text: 'Copied', error: false}}), {text: 'Link 1… (Enter)', error: false});
	t.deepEqual(statusText({...base, screen: 'article', entry: {url: 'https://a.example/', status: 'ready'}}), {
		text: 'https://a.example/',
		error: false,
	});
});

test('a finished refresh is summed up, failures in the error colour, a moved feed named', (t) => {
	t.deepEqual(refreshResult(refreshSummary({total: 1, newItems: 3}), []), {text: 'Refreshed 1 feed: 3 new', error: false});
	t.deepEqual(refreshResult(refreshSummary({total: 4, failed: 1, deferred: 2}), ['https://new.example/feed']), {
		text: 'Refreshed 4 feeds: 0 new · 1 failed · 2 deferred (server asked to wait) · moved to https://new.example/feed',
		error: true,
	});
	t.deepEqual(refreshResult(new Error('the database is locked'), []), {text: 'Refresh failed: the database is locked', error: true});
});

test('the hints name the keys as the user bound them', (t) => {
	t.is(hintsFor('headlines', createKeyMap()), 'Enter read · R refresh · / search · a add · ? help · q quit');
	t.is(
		hintsFor('headlines', createKeyMap({refreshAll: ['F5'], quit: ['x']})),
		'Enter read · F5 refresh · / search · a add · ? help · x quit',
	);
	t.is(hintsFor('article', createKeyMap()), 'Tab links · Enter open · Esc back · o browser · ? help');
});
