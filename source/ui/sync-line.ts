import type {AppPaths} from '../config/paths.js';
import type {Store} from '../store/store.js';
import {isConnected} from '../sync/account.js';
import {syncStatus} from '../sync/status.js';
import {plural} from '../text/plural.js';
import {relativeAge} from '../text/relative-time.js';

/** What the status line says of the reading service: "Synced 2m ago · 3 changes queued", "Sync failed: …", or undefined without one. */
export function syncLineOf(paths: Pick<AppPaths, 'stateDirectory'>, store: Store, now: Date): string | undefined {
	if (!isConnected(paths)) return undefined;
	const status = syncStatus(store);
	const queued = status.queued > 0 ? ` · ${plural(status.queued, 'change')} queued` : '';
	if (status.lastError && (!status.lastSync || status.lastError.at > status.lastSync))
		return `Sync failed: ${status.lastError.message}${queued}`;
	if (!status.lastSync) return `Not synced yet${queued}`;
	const age = relativeAge(status.lastSync, now);
	return `Synced ${age === 'now' ? 'just now' : /^\d/.test(age) ? `${age} ago` : age}${queued}`;
}
