import {statfsSync} from 'node:fs';
import {dirname} from 'node:path';
import {sanitizeTerminal} from '../text/sanitize.js';
import {redactUrl} from './url.js';

/** Every way fetching or reading a URL can fail, as users and scripts need to tell them apart. */
export type FailureKind =
	| 'invalid-url'
	| 'unsupported-protocol'
	| 'dns'
	| 'refused'
	| 'reset'
	| 'tls'
	| 'timeout'
	| 'redirect'
	| 'http'
	| 'too-large'
	| 'not-feed'
	| 'not-html'
	| 'parse'
	| 'not-article'
	| 'file';

/**
 * A classified failure with a one-line message that is safe to print:
 * anything quoted from a server or a page has passed the terminal sanitiser.
 */
export class BroadsheetError extends Error {
	override readonly name = 'BroadsheetError';
	readonly kind: FailureKind;
	readonly status: number | undefined;
	readonly url: string | undefined;
	/** The server's Retry-After (seconds or an HTTP date) on a 429 or 503. */
	readonly retryAfter: string | undefined;

	constructor(kind: FailureKind, message: string, details: {status?: number; url?: string; cause?: unknown; retryAfter?: string} = {}) {
		super(sanitizeTerminal(message, {maxLength: 300}), {cause: details.cause});
		this.kind = kind;
		this.status = details.status;
		this.url = details.url;
		this.retryAfter = details.retryAfter;
	}
}

export function isBroadsheetError(error: unknown): error is BroadsheetError {
	return error instanceof BroadsheetError;
}

/** Shortens a URL for messages: untrusted, so sanitised and capped; a password in it is never shown. */
export function describeUrl(url: string): string {
	return sanitizeTerminal(redactUrl(url), {maxLength: 120});
}

const systemCodes: Record<string, FailureKind> = {
	ENOTFOUND: 'dns',
	EAI_AGAIN: 'dns',
	EAI_NODATA: 'dns',
	EAI_FAIL: 'dns',
	ECONNREFUSED: 'refused',
	ECONNRESET: 'reset',
	EPIPE: 'reset',
	UND_ERR_SOCKET: 'reset',
	ETIMEDOUT: 'timeout',
	UND_ERR_CONNECT_TIMEOUT: 'timeout',
	UND_ERR_HEADERS_TIMEOUT: 'timeout',
	UND_ERR_BODY_TIMEOUT: 'timeout',
	EHOSTUNREACH: 'refused',
	ENETUNREACH: 'refused',
};

const kindMessages: Record<string, string> = {
	dns: 'host not found',
	refused: 'connection refused',
	reset: 'connection reset',
	tls: 'TLS handshake failed',
	timeout: 'timed out',
};

/** Maps what undici/Node throw (often nested in `cause`) to our classification. */
export function classifyNetworkError(error: unknown, url: string): BroadsheetError {
	if (isBroadsheetError(error)) return error;
	let current: unknown = error;
	for (let depth = 0; depth < 5 && current; depth++) {
		const {code, message} = current as {code?: unknown; message?: unknown};
		if (typeof code === 'string') {
			const kind =
				systemCodes[code] ?? (/TLS|SSL|CERT|UNABLE_TO_VERIFY|SELF_SIGNED|HOSTNAME_MISMATCH|DEPTH_ZERO/.test(code) ? 'tls' : undefined);
			if (kind) {
				return new BroadsheetError(kind, `${describeUrl(url)}: ${kindMessages[kind] ?? kind} (${code})`, {url, cause: error});
			}
		}

		if (typeof message === 'string' && /certificate|ssl|tls/i.test(message)) {
			return new BroadsheetError('tls', `${describeUrl(url)}: TLS handshake failed`, {url, cause: error});
		}

		current = (current as {cause?: unknown}).cause;
	}

	// undici wraps the useful reason ("bad port", "other side closed") in `cause`: report the innermost.
	let innermost: unknown = error;
	while (innermost instanceof Error && innermost.cause instanceof Error) innermost = innermost.cause;
	const text = innermost instanceof Error ? innermost.message : String(innermost);
	return new BroadsheetError('reset', `${describeUrl(url)}: network error (${text})`, {url, cause: error});
}

const fileCodes: Record<string, string> = {
	ENOENT: 'no such file or folder',
	ENOTDIR: 'a part of the path is not a folder',
	EISDIR: 'is a folder, not a file',
	EACCES: 'permission denied',
	EPERM: 'not permitted',
	EROFS: 'on a read-only file system',
	ENOSPC: 'no space left on the disk',
	EDQUOT: 'over the disk quota',
	EMFILE: 'too many open files',
	ENAMETOOLONG: 'the name is too long',
	EEXIST: 'already exists',
	EBUSY: 'busy',
	EIO: 'input/output error',
};

/** A Node system error from the file system (it carries an errno code such as ENOENT). */
export function isFileSystemError(error: unknown): error is NodeJS.ErrnoException {
	return (
		error instanceof Error &&
		typeof (error as NodeJS.ErrnoException).code === 'string' &&
		(error as NodeJS.ErrnoException).code! in fileCodes
	);
}

/**
 * One line naming the path and what is wrong with it, for a file-system failure the user can act on
 * ("config.json: is a folder, not a file"); any other error is handed back as it is.
 */
export function asFileError(path: string, error: unknown): unknown {
	if (!isFileSystemError(error)) return error;
	return new BroadsheetError('file', `${path}: ${fileCodes[error.code!]}`, {cause: error});
}

// SQLite's primary result codes for conditions on the user's side (full disk, read-only file, not a database).
const sqliteCodes: Record<number, string> = {
	5: 'in use by another process for too long',
	8: 'read-only (check the file and its folder)',
	10: 'a disk input/output error',
	11: 'damaged: move it away and Broadsheet will start a new one',
	13: 'no space left on the disk',
	14: 'cannot be opened (check that its folder exists and is writable)',
	23: 'access denied',
	26: 'not a Broadsheet database: move it away and Broadsheet will start a new one',
};

/** A node:sqlite error for a condition the user can act on, as one line naming the database; else the error as it was. */
export function asDatabaseError(file: string, error: unknown): unknown {
	const {code, errcode} = (error ?? {}) as {code?: unknown; errcode?: unknown};
	if (code !== 'ERR_SQLITE_ERROR' || typeof errcode !== 'number') return error;
	// A full disk often surfaces as an I/O error (the WAL index could not grow): the free space tells them apart.
	const primary = errcode & 0xff;
	const problem = (primary === 10 || primary === 13) && diskIsFull(file) ? sqliteCodes[13] : sqliteCodes[primary];
	return problem ? new BroadsheetError('file', `${file}: ${problem}`, {cause: error}) : error;
}

function diskIsFull(file: string): boolean {
	try {
		const {bavail, bsize} = statfsSync(dirname(file));
		return bavail * bsize < 256 * 1024;
	} catch {
		return false;
	}
}
