import test from 'ava';
import type {RefreshEvent} from '../../source/refresh/refresh.js';
import {noProgress, progressAfter} from '../../source/refresh/progress.js';

test('progress counts every feed that ended, however it ended, and the failures apart', (t) => {
	const events: RefreshEvent[] = [
		{type: 'start', total: 5},
		{type: 'feed-start', url: 'a'},
		{type: 'feed-done', url: 'a', title: null, newItems: 2, items: 9},
		{type: 'feed-not-modified', url: 'b'},
		{type: 'feed-failed', url: 'c', kind: 'http', message: 'HTTP 500'},
		{type: 'feed-deferred', url: 'd', until: '2026-12-02T10:00:00Z'},
		{type: 'feed-warning', url: 'a', message: 'repaired'},
	];
	t.deepEqual(events.reduce(progressAfter, noProgress), {total: 5, done: 4, failed: 1});
	const started = progressAfter(noProgress, {type: 'start', total: 2});
	t.is(progressAfter(started, {type: 'feed-moved', from: 'a', to: 'b'}), started, 'an event that counts nothing changes nothing');
});
