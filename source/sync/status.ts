import type {Store} from '../store/store.js';
import {SyncLedger} from '../store/sync-ledger.js';

/** The ledger's sync_state keys. */
export const syncKeys = {
	account: 'account',
	merged: 'merged',
	lastStart: 'last-sync-start',
	lastSync: 'last-sync',
	lastError: 'last-error',
	subscriptionsChecked: 'subscriptions-checked',
} as const;

export type SyncStatus = {
	readonly lastSync: string | null;
	readonly queued: number;
	readonly lastError: {readonly at: string; readonly message: string} | null;
};

/** What `sync status` and the reader's status line say: the last sync, changes waiting, the last error. */
export function syncStatus(store: Store): SyncStatus {
	const ledger = new SyncLedger(store.db);
	const error = ledger.state(syncKeys.lastError);
	return {
		lastSync: ledger.state(syncKeys.lastSync) ?? null,
		queued: ledger.queuedCount(),
		lastError: error ? (JSON.parse(error) as {at: string; message: string}) : null,
	};
}
