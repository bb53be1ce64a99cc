import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {DatabaseSync} from 'node:sqlite';
import test, {type ExecutionContext} from 'ava';
import {inTransaction} from '../../source/store/database.js';
import {WriteBatches} from '../../source/store/write-batches.js';

/** A database file with one table, and a count of the transactions begun on it. */
function database(t: ExecutionContext) {
	const directory = mkdtempSync(join(tmpdir(), 'broadsheet-batches-'));
	const file = join(directory, 'test.db');
	const db = new DatabaseSync(file, {timeout: 0});
	db.exec('PRAGMA journal_mode = WAL; CREATE TABLE rows (value TEXT NOT NULL)');
	t.teardown(() => {
		db.close();
		rmSync(directory, {recursive: true, force: true});
	});
	let transactions = 0;
	const counted = new Proxy(db, {
		get(target, property) {
			if (property === 'exec') {
				return (sql: string) => {
					if (sql.startsWith('BEGIN')) transactions++;
					target.exec(sql);
				};
			}

			const value: unknown = Reflect.get(target, property, target);
			return typeof value === 'function' ? (value as (...arguments_: unknown[]) => unknown).bind(target) : value;
		},
	});
	const insert = (value: string) => db.prepare('INSERT INTO rows (value) VALUES (?)').run(value);
	const values = () => (db.prepare('SELECT value FROM rows ORDER BY rowid').all() as Array<{value: string}>).map((row) => row.value);
	return {db: counted, file, insert, values, transactions: () => transactions};
}

test('writes asked for together commit in one transaction and resolve with what they returned', async (t) => {
	const {db, insert, values, transactions} = database(t);
	const batches = new WriteBatches(db, {maxWrites: 10, maxWaitMs: 5});
	const results = await Promise.all(['a', 'b', 'c'].map(async (value) => batches.write(() => insert(value).changes)));
	t.deepEqual(results, [1, 1, 1]);
	t.deepEqual(values(), ['a', 'b', 'c']);
	t.is(transactions(), 1);
});

test('a full batch commits at once, without waiting for its time', (t) => {
	const {db, insert, values} = database(t);
	const batches = new WriteBatches(db, {maxWrites: 2, maxWaitMs: 60_000});
	void batches.write(() => insert('a'));
	t.deepEqual(values(), []);
	void batches.write(() => insert('b'));
	t.deepEqual(values(), ['a', 'b']);
});

test('a write that throws is undone alone, nested transactions included, and its caller hears why', async (t) => {
	const {db, insert, values, transactions} = database(t);
	const batches = new WriteBatches(db, {maxWrites: 10, maxWaitMs: 5});
	const first = batches.write(() => insert('kept 1'));
	const failing = batches.write(() =>
		inTransaction(db, () => {
			insert('undone');
			throw new Error('bad feed');
		}),
	);
	const last = batches.write(() => inTransaction(db, () => insert('kept 2')));
	await t.throwsAsync(failing, {message: 'bad feed'});
	await t.notThrowsAsync(Promise.all([first, last]));
	t.deepEqual(values(), ['kept 1', 'kept 2']);
	t.is(transactions(), 1);
});

test('when the whole transaction is lost, every write in the batch fails, those that ran before included', async (t) => {
	const {db, insert, values} = database(t);
	const batches = new WriteBatches(db, {maxWrites: 10, maxWaitMs: 5});
	const first = batches.write(() => insert('rolled back with the rest'));
	// What SQLite does on a full disk: the transaction is rolled back under the writer.
	const failing = batches.write(() => {
		db.exec('ROLLBACK');
		throw new Error('disk full');
	});
	const last = batches.write(() => insert('never written'));
	await t.throwsAsync(first, {message: 'disk full'});
	await t.throwsAsync(failing, {message: 'disk full'});
	await t.throwsAsync(last, {message: 'disk full'});
	t.deepEqual(values(), []);
	t.false(db.isTransaction);
});

test('when another connection holds the write lock, the batch fails whole and writes nothing', async (t) => {
	const {db, file, insert, values} = database(t);
	const other = new DatabaseSync(file, {timeout: 0});
	t.teardown(() => other.close());
	other.exec('BEGIN IMMEDIATE');
	const batches = new WriteBatches(db, {maxWrites: 10, maxWaitMs: 5});
	const writes = [batches.write(() => insert('a')), batches.write(() => insert('b'))];
	for (const write of writes) await t.throwsAsync(write, {message: /locked/});
	other.exec('ROLLBACK');
	t.deepEqual(values(), []);
});
