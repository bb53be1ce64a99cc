import {describeUrl} from '../net/errors.js';
import {SyncLedger} from '../store/sync-ledger.js';
import {readAccount, removeAccount, serviceUrl, writeAccount, type SyncAccount} from '../sync/account.js';
import {clientLogin, GoogleReaderClient} from '../sync/greader-client.js';
import {syncStatus} from '../sync/status.js';
import {syncThenLocalFeeds} from '../sync/sync-and-refresh.js';
import {adoptAccount, type SyncSummary} from '../sync/sync.js';
import {sanitizeTerminal} from '../text/sanitize.js';
import {plural} from '../text/plural.js';
import {utcTime} from '../text/dates.js';
import {userAgent} from '../version.js';
import type {Library} from './library.js';
import {exitCode, printError, UsageError} from './output.js';
import {writeOut} from './output-stream.js';
import {readPassword} from './password-prompt.js';
import {progressLine} from './progress.js';

/** `broadsheet sync login <api-url> --user NAME [--password-stdin] [--insecure]`: checks the login, keeps the token (0600), never the password. */
export async function syncLoginCommand(
	library: Library,
	input: string | undefined,
	options: {user: string | undefined; passwordStdin: boolean; insecure: boolean; appId?: string | undefined; appKey?: string | undefined},
): Promise<number> {
	if ((options.appId === undefined) !== (options.appKey === undefined)) throw new UsageError('--app-id and --app-key go together');
	const app = options.appId && options.appKey ? {id: options.appId, key: options.appKey} : undefined;
	if (!input)
		throw new UsageError('sync login needs the service’s API URL: broadsheet sync login https://example.org/api/greader.php --user NAME');
	if (!options.user) throw new UsageError('sync login needs --user NAME (the service’s user name for its API)');
	const {url, warning} = serviceUrl(input, {insecure: options.insecure});
	if (warning) printError(`warning: ${warning}`);
	let password: string;
	try {
		password = await readPassword(`Password for ${sanitizeTerminal(options.user)} at ${describeUrl(url)}: `, {
			fromStdin: options.passwordStdin,
		});
	} catch (error) {
		throw new UsageError((error as Error).message);
	}

	if (!password) throw new UsageError('an empty password: nothing to log in with');
	const auth = await clientLogin(url, options.user, password, {userAgent, app});
	const account: SyncAccount = {service: url, user: options.user, auth, ...(app ? {app} : {})};
	// The token must open the API too (a ClientLogin at the wrong path can answer something that looks right).
	await GoogleReaderClient.forAccount(account, {userAgent}).userName();
	adoptAccount(new SyncLedger(library.store.db), account);
	writeAccount(library.paths, account);
	await writeOut(
		`Logged in to ${describeUrl(url)} as ${sanitizeTerminal(options.user)}. broadsheet sync fetches your subscriptions and items.\n`,
	);
	return exitCode.ok;
}

/**
 * `broadsheet sync [--json]` (and `refresh` with a service): the sync, then the feeds that are on this
 * machine only. Exit codes as refresh: 0, 1 failed, 3 synced but some local feeds failed.
 */
export async function syncCommand(library: Library, options: {json: boolean}): Promise<number> {
	const account = requireAccount(library);
	const steps = process.stderr.isTTY ? (text: string) => process.stderr.write(`\r\u001B[2K${text}`) : () => undefined;
	let result: Awaited<ReturnType<typeof syncThenLocalFeeds>>;
	try {
		result = await syncThenLocalFeeds(library.store, library.settings, account, {
			sync: {subscriptionsMaxAgeMs: 0, onEvent: (event) => steps(`Syncing: ${event.message}`)},
			onSynced(synced) {
				steps('');
				for (const problem of synced.problems) printError(`warning: ${sanitizeTerminal(problem, {maxLength: 400})}`);
			},
			onRefreshEvent: progressLine(process.stderr),
		});
	} finally {
		steps('');
	}

	const {synced: summary, refreshed} = result;
	if (options.json) await writeOut(JSON.stringify({...summary, localFeeds: refreshed ?? null}, null, 2) + '\n');
	else if (!process.stdout.isTTY) {
		// Quiet in a pipe, as refresh is.
	} else await writeOut(describeSummary(summary) + '\n');

	if (refreshed && refreshed.failed > 0) {
		printError(`${refreshed.failed} of ${plural(refreshed.total, 'feed')} on this machine only failed:`);
		for (const failure of refreshed.failures) process.stderr.write(`  ${sanitizeTerminal(failure.message, {maxLength: 300})}\n`);
		return exitCode.partial;
	}

	return exitCode.ok;
}

/** `broadsheet sync status [--json]`: the service, the user, the last sync, changes queued, the last error. Never the token. */
export async function syncStatusCommand(library: Library, options: {json: boolean}): Promise<number> {
	const account = readAccount(library.paths);
	const status = syncStatus(library.store);
	const remote = new SyncLedger(library.store.db).remoteFeeds();
	const report = {
		service: account?.service ?? null,
		user: account?.user ?? null,
		loggedIn: account !== undefined,
		lastSync: status.lastSync,
		queuedChanges: status.queued,
		syncedFeeds: remote.size,
		lastError: status.lastError,
	};
	if (options.json) {
		await writeOut(JSON.stringify(report, null, 2) + '\n');
		return exitCode.ok;
	}

	if (!account) {
		await writeOut(
			`Not logged in to a reading service (broadsheet sync login <url> --user <name>).${status.queued > 0 ? ` ${plural(status.queued, 'change')} queued from an earlier login.` : ''}\n`,
		);
		return exitCode.ok;
	}

	const lines = [
		`Service   ${describeUrl(account.service)}`,
		`User      ${sanitizeTerminal(account.user)}`,
		`Synced    ${status.lastSync ? utcTime(status.lastSync) : 'never'} · ${plural(remote.size, 'feed')}`,
		`Queued    ${plural(status.queued, 'change')}`,
		...(status.lastError
			? [`Error     ${utcTime(status.lastError.at)}: ${sanitizeTerminal(status.lastError.message, {maxLength: 300})}`]
			: []),
	];
	await writeOut(lines.join('\n') + '\n');
	return exitCode.ok;
}

/** `broadsheet sync logout`: forgets the token. Synced items and changes not yet sent stay (a later login to the same account sends them). */
export async function syncLogoutCommand(library: Library): Promise<number> {
	const account = readAccount(library.paths);
	removeAccount(library.paths);
	await writeOut(account ? `Logged out of ${describeUrl(account.service)}\n` : 'Not logged in\n');
	return exitCode.ok;
}

export function requireAccount(library: Library): SyncAccount {
	const account = readAccount(library.paths);
	if (!account) throw new UsageError('not logged in to a reading service: broadsheet sync login <api-url> --user <name>');
	return account;
}

function describeSummary(summary: SyncSummary): string {
	const parts = [
		`Synced with ${describeUrl(summary.service)}: ${plural(summary.feeds, 'feed')}`,
		plural(summary.newItems, 'new item'),
		`${summary.pulled} changes in, ${summary.pushed} out`,
	];
	if (summary.addedFeeds > 0) parts.push(`${summary.addedFeeds} feeds added`);
	if (summary.removedFeeds > 0) parts.push(`${summary.removedFeeds} removed`);
	return parts.join(' · ');
}
