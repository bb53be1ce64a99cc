/*
 * A second process for the concurrency tests, run with `node --import tsx`:
 *   refresh <db> <feeds.json>                   refresh, printing "done <url>" as each feed commits
 *   toggle <db> <feed-url> <star|read> <ids.json> <refresh-every>
 *                                               flag each id in its own transaction, refreshing now and then
 */
import {readFileSync} from 'node:fs';
import {refreshFeeds} from '../../source/refresh/refresh.js';
import {Store} from '../../source/store/store.js';

const [mode, database, ...rest] = process.argv.slice(2);
const store = Store.open(database!);
const options = {concurrency: 2, perHostConcurrency: 2, keepItemsPerFeed: 1000};

if (mode === 'refresh') {
	const urls = JSON.parse(readFileSync(rest[0]!, 'utf8')) as string[];
	await refreshFeeds(
		store,
		urls.map((url) => ({url, tags: []})),
		{...options, onEvent: (event) => (event.type === 'feed-done' ? process.stdout.write(`done ${event.url}\n`) : undefined)},
	);
} else if (mode === 'toggle') {
	const [feedUrl, flag, idsFile, every] = rest as [string, 'star' | 'read', string, string];
	const ids = JSON.parse(readFileSync(idsFile, 'utf8')) as number[];
	for (const [index, id] of ids.entries()) {
		if (flag === 'star') store.setStarred(id, true);
		else store.setRead([id], true);
		if (index % Number(every) === 0) await refreshFeeds(store, [{url: feedUrl, tags: []}], options);
	}
}

store.close();
process.stdout.write('finished\n');
