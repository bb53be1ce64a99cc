import {mkdirSync, statSync} from 'node:fs';
import {dirname} from 'node:path';
import {DatabaseSync, type StatementSync} from 'node:sqlite';
import {asDatabaseError, asFileError, BroadsheetError} from '../net/errors.js';
import {migrations} from './migrations.js';

/**
 * Opens the SQLite database (node:sqlite, no native add-on) in WAL mode with a busy timeout, so the
 * reader and a cron `refresh` can write at once, and brings its schema up to date.
 */
export function openDatabase(file: string): DatabaseSync {
	try {
		if (file !== ':memory:') mkdirSync(dirname(file), {recursive: true});
	} catch (error) {
		throw asFileError(dirname(file), error);
	}

	if (file !== ':memory:' && statSync(file, {throwIfNoEntry: false})?.isDirectory()) {
		throw asFileError(file, Object.assign(new Error('is a directory'), {code: 'EISDIR'}));
	}

	let db: DatabaseSync | undefined;
	try {
		db = new DatabaseSync(file, {timeout: 10_000});
		// 16 KiB pages (a new database only: an existing one keeps its size): a full-text item of 3–8 KB
		// fits in a page instead of spilling over two overflow pages, and a refresh writes a quarter of
		// the WAL frames (a 500-feed full-text refresh made 200,000 writes with 4 KiB pages).
		db.exec('PRAGMA page_size = 16384');
		db.exec('PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON; PRAGMA temp_store = MEMORY;');
		migrate(db, file);
		return db;
	} catch (error) {
		if (db?.isOpen) db.close();
		throw asDatabaseError(file, error);
	}
}

function migrate(db: DatabaseSync, file: string): void {
	const current = (db.prepare('PRAGMA user_version').get() as {user_version: number}).user_version;
	if (current > migrations.length) {
		db.close();
		throw new BroadsheetError(
			'file',
			`${file} was written by a newer Broadsheet (schema ${current}, this version knows ${migrations.length}): update Broadsheet`,
		);
	}

	for (let version = current; version < migrations.length; version++) {
		// Each step and its version bump commit together; a second process waits on the write lock, then sees the new version.
		inTransaction(db, () => {
			const now = (db.prepare('PRAGMA user_version').get() as {user_version: number}).user_version;
			if (now !== version) return;
			db.exec(migrations[version]!);
			db.exec(`PRAGMA user_version = ${version + 1}`);
		});
	}
}

/**
 * Runs `work` in one IMMEDIATE transaction (takes the write lock up front: no deadlock between two
 * writers); inside a transaction already, in a savepoint of its own.
 */
export function inTransaction<T>(db: DatabaseSync, work: () => T): T {
	if (db.isTransaction) return inSavepoint(db, work);
	db.exec('BEGIN IMMEDIATE');
	try {
		const result = work();
		db.exec('COMMIT');
		return result;
	} catch (error) {
		if (db.isTransaction) db.exec('ROLLBACK');
		throw error;
	}
}

/** Runs `work` inside the open transaction; when it throws, what it wrote is undone and the rest stays. */
export function inSavepoint<T>(db: DatabaseSync, work: () => T): T {
	db.exec('SAVEPOINT work');
	try {
		const result = work();
		db.exec('RELEASE work');
		return result;
	} catch (error) {
		// SQLite may have rolled the whole transaction back already (a full disk): nothing left to undo.
		if (db.isTransaction) db.exec('ROLLBACK TO work; RELEASE work');
		throw error;
	}
}

type SqlParameter = string | number | bigint | null;

/** A database with its statements prepared once each and kept: what the store's classes run their SQL through. */
export class PreparedStatements {
	private readonly statements = new Map<string, StatementSync>();

	constructor(readonly db: DatabaseSync) {}

	protected statement(sql: string): StatementSync {
		let statement = this.statements.get(sql);
		if (!statement) {
			statement = this.db.prepare(sql);
			this.statements.set(sql, statement);
		}

		return statement;
	}

	protected run(sql: string, ...parameters: SqlParameter[]) {
		return this.statement(sql).run(...parameters);
	}

	protected get(sql: string, ...parameters: SqlParameter[]): Record<string, unknown> | undefined {
		return this.statement(sql).get(...parameters) as Record<string, unknown> | undefined;
	}

	protected all(sql: string, ...parameters: SqlParameter[]): Array<Record<string, unknown>> {
		return this.statement(sql).all(...parameters) as Array<Record<string, unknown>>;
	}
}
