import test from 'ava';
import {retryAfterUntil} from '../../source/refresh/retry-after.js';
import {nextRunAfter, runLimited} from '../../source/refresh/schedule.js';

test('runLimited keeps to both limits, runs every task once, in order as far as the limits allow, and survives a failing task', async (t) => {
	const tasks = ['a1', 'a2', 'a3', 'b1', 'b2', 'c1', 'c2', 'c3'];
	let running = 0;
	let most = 0;
	const perHost = new Map<string, number>();
	const started: string[] = [];
	await runLimited(tasks, {limit: 3, perKeyLimit: 2, key: (task) => task[0]!}, async (task) => {
		started.push(task);
		running++;
		most = Math.max(most, running);
		const host = task[0]!;
		perHost.set(host, (perHost.get(host) ?? 0) + 1);
		t.true(perHost.get(host)! <= 2, `${host} at most twice at once`);
		await new Promise((resolve) => setTimeout(resolve, 5));
		running--;
		perHost.set(host, perHost.get(host)! - 1);
		if (task === 'b1') throw new Error('one feed failed');
	});
	t.is(most, 3);
	t.deepEqual([...started].sort(), [...tasks].sort());
	t.deepEqual(started.slice(0, 3), ['a1', 'a2', 'b1'], 'a3 waits for a free slot on its host; b1 takes the third');
	await runLimited([], {limit: 2, perKeyLimit: 1, key: String}, async () => t.fail());
});

test('Retry-After in seconds or as a date becomes a time to wait until, ten minutes when it says nothing, a day at most', (t) => {
	const now = new Date('2026-12-02T10:00:00Z');
	t.is(retryAfterUntil('120', now), '2026-12-02T10:02:00.000Z');
	t.is(retryAfterUntil('Wed, 02 Dec 2026 10:30:00 GMT', now), '2026-12-02T10:30:00.000Z');
	t.is(retryAfterUntil(undefined, now), '2026-12-02T10:10:00.000Z');
	t.is(retryAfterUntil('soon', now), '2026-12-02T10:10:00.000Z');
	t.is(retryAfterUntil('9999999', now), '2026-12-03T10:00:00.000Z');
	t.is(retryAfterUntil('Tue, 01 Dec 2026 10:00:00 GMT', now), now.toISOString(), 'a date gone by: now');
});

test('the interval refresh runs next a whole period after it started, or none without an interval', (t) => {
	const start = Date.parse('2026-12-02T10:00:00Z');
	t.is(nextRunAfter(start, 30, start)?.toISOString(), '2026-12-02T10:30:00.000Z');
	t.is(nextRunAfter(start, 30, start + 31 * 60_000)?.toISOString(), '2026-12-02T11:00:00.000Z');
	t.is(nextRunAfter(start, 0, start), undefined);
	t.is(nextRunAfter(start, null, start), undefined);
});
