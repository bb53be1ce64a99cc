import {mkdirSync} from 'node:fs';
import {dirname} from 'node:path';
import {DatabaseSync} from 'node:sqlite';
import {asDatabaseError, asFileError, BroadsheetError} from '../net/errors.js';

/** How long a writer waits for another process to finish its change before giving up. */
const waitMs = 30_000;

/**
 * Runs `work` while holding an exclusive lock on `lockFile`, shared by every Broadsheet process.
 *
 * The lock is an EXCLUSIVE transaction on a tiny SQLite file: the kernel holds it (fcntl), so a
 * writer killed mid-change releases it with its last breath, and there is no stale lock file to
 * guess about as with `open(…, 'wx')` schemes. Waiting is SQLite's busy timeout: synchronous, so
 * settings writes stay synchronous.
 */
export function withFileLock<T>(lockFile: string, work: () => T): T {
	const lock = openLock(lockFile);
	try {
		try {
			lock.exec('BEGIN EXCLUSIVE');
		} catch (error) {
			// Only SQLITE_BUSY means another process has it; a full disk or a read-only folder is said as such.
			if (((error as {errcode?: number}).errcode ?? 0) % 256 !== 5) throw asDatabaseError(lockFile, error);
			throw new BroadsheetError('file', `${lockFile}: another Broadsheet process held it for over ${waitMs / 1000} s`, {cause: error});
		}

		try {
			return work();
		} finally {
			lock.exec('ROLLBACK');
		}
	} finally {
		lock.close();
	}
}

function openLock(lockFile: string): DatabaseSync {
	try {
		mkdirSync(dirname(lockFile), {recursive: true});
	} catch (error) {
		throw asFileError(dirname(lockFile), error);
	}

	try {
		return new DatabaseSync(lockFile, {timeout: waitMs});
	} catch (error) {
		throw new BroadsheetError('file', `${lockFile}: cannot be opened (${(error as Error).message}): is the folder writable?`, {
			cause: error,
		});
	}
}
