import {existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import type {AppPaths} from '../config/paths.js';
import {asFileError, BroadsheetError, describeUrl} from '../net/errors.js';
import {isRecord} from '../is-record.js';

/** A reading service Broadsheet is logged in to: where its Google Reader API is, who, and the token it gave. */
export type SyncAccount = {
	/** The API's base: …/api/greader.php for FreshRSS, the site root for Miniflux, https://www.inoreader.com. */
	readonly service: string;
	readonly user: string;
	/** The ClientLogin token. Kept in this file only (mode 0600): never in config.json, logs, errors or exports. */
	readonly auth: string;
	/** A registered app's credentials, for services that want them on every request (Inoreader). Not secret as the token is, kept beside it. */
	readonly app?: AppCredentials | undefined;
};

export type AppCredentials = {readonly id: string; readonly key: string};

/** The account file: in the state directory, a file of its own, readable by the user alone. */
export function accountFile(paths: Pick<AppPaths, 'stateDirectory'>): string {
	return join(paths.stateDirectory, 'sync-account.json');
}

/** Whether a reading service is connected (the account file is there), without reading it. */
export function isConnected(paths: Pick<AppPaths, 'stateDirectory'>): boolean {
	return existsSync(accountFile(paths));
}

export function readAccount(paths: Pick<AppPaths, 'stateDirectory'>): SyncAccount | undefined {
	const file = accountFile(paths);
	let text: string;
	try {
		text = readFileSync(file, 'utf8');
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
		throw asFileError(file, error);
	}

	let value: unknown;
	try {
		value = JSON.parse(text);
	} catch {
		value = undefined;
	}

	if (!isRecord(value) || typeof value['service'] !== 'string' || typeof value['user'] !== 'string' || typeof value['auth'] !== 'string') {
		throw new BroadsheetError('file', `${file} is not a Broadsheet sync account: log in again (broadsheet sync login <url> --user <name>)`);
	}

	const app =
		isRecord(value['app']) && typeof value['app']['id'] === 'string' && typeof value['app']['key'] === 'string'
			? {id: value['app']['id'], key: value['app']['key']}
			: undefined;
	return {service: value['service'], user: value['user'], auth: value['auth'], ...(app ? {app} : {})};
}

/** Writes the account through a temporary file created 0600, renamed over the old one: never half a file, never readable by others. */
export function writeAccount(paths: Pick<AppPaths, 'stateDirectory'>, account: SyncAccount): void {
	const file = accountFile(paths);
	const temporary = `${file}.${process.pid}.tmp`;
	try {
		mkdirSync(paths.stateDirectory, {recursive: true, mode: 0o700});
		writeFileSync(temporary, JSON.stringify(account, null, 2) + '\n', {mode: 0o600, flag: 'w'});
		renameSync(temporary, file);
	} catch (error) {
		rmSync(temporary, {force: true});
		throw asFileError(file, error);
	}
}

/** Forgets the account; true when there was one. */
export function removeAccount(paths: Pick<AppPaths, 'stateDirectory'>): boolean {
	const file = accountFile(paths);
	try {
		rmSync(file);
		return true;
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
		throw asFileError(file, error);
	}
}

/**
 * The service URL as the API is reached: https, or plain http only to this machine (loopback) unless
 * `insecure` (the password and every token would cross the network in clear). No credentials, query or fragment.
 */
export function serviceUrl(input: string, options: {insecure?: boolean} = {}): {url: string; warning?: string} {
	let url: URL;
	try {
		url = new URL(input.trim());
	} catch {
		throw new BroadsheetError('invalid-url', `not a valid service URL: ${describeUrl(input)}`, {url: input});
	}

	if (url.protocol !== 'https:' && url.protocol !== 'http:') {
		throw new BroadsheetError('unsupported-protocol', `the service URL must be https: ${describeUrl(input)}`, {url: input});
	}

	if (url.username || url.password) {
		throw new BroadsheetError('invalid-url', 'the service URL must not carry a user or password: use --user and the password prompt');
	}

	url.search = '';
	url.hash = '';
	const href = url.href.replace(/\/+$/, '');
	if (url.protocol === 'http:' && !isLoopback(url.hostname)) {
		if (!options.insecure) {
			throw new BroadsheetError(
				'unsupported-protocol',
				`${describeUrl(href)} is plain http: your password and token would cross the network unencrypted. Use https, or --insecure if you must`,
				{url: href},
			);
		}

		return {url: href, warning: `${describeUrl(href)} is plain http: your password and token cross the network unencrypted`};
	}

	return {url: href};
}

function isLoopback(hostname: string): boolean {
	const host = hostname.replace(/^\[|\]$/g, '');
	return host === 'localhost' || host === '::1' || /^127(?:\.\d{1,3}){3}$/.test(host);
}
