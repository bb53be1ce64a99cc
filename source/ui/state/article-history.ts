import type {ArticleDocument} from '../../articles/document.js';
import type {ReadingPosition, StoredItem} from '../../store/store.js';

/** One page in the reader's history: where it came from, how far it has loaded, where the reader was on it. */
export type HistoryEntry = {
	readonly id: number;
	readonly url: string;
	readonly item: StoredItem | undefined;
	readonly status: 'loading' | 'ready' | 'failed';
	readonly document: ArticleDocument | undefined;
	readonly error: string | undefined;
	readonly scroll: number;
	/** Focused link stop, or -1 for none. */
	readonly focus: number;
	/** Where reading stopped last time, applied once the text is laid out. */
	readonly resume: ReadingPosition | undefined;
};

export type History = {readonly entries: readonly HistoryEntry[]; readonly index: number};

export type HistoryAction =
	| {type: 'open'; id: number; url: string; item?: StoredItem | undefined; resume?: ReadingPosition | undefined}
	| {type: 'loaded'; id: number; document: ArticleDocument}
	| {type: 'failed'; id: number; error: string}
	| {type: 'view'; scroll: number; focus: number}
	| {type: 'back'}
	| {type: 'forward'}
	| {type: 'close'};

export const emptyHistory: History = {entries: [], index: -1};

/**
 * Browser-like history: opening a page drops whatever was "forward" of the current one; back and
 * forward keep each page's document, scroll position and focused link.
 */
export function historyReducer(history: History, action: HistoryAction): History {
	switch (action.type) {
		case 'open': {
			const entry: HistoryEntry = {
				id: action.id,
				url: action.url,
				item: action.item,
				status: 'loading',
				document: undefined,
				error: undefined,
				scroll: 0,
				focus: -1,
				resume: action.resume,
			};
			const entries = [...history.entries.slice(0, history.index + 1), entry];
			return {entries, index: entries.length - 1};
		}

		case 'loaded':
		case 'failed': {
			return {
				...history,
				entries: history.entries.map((entry) =>
					entry.id !== action.id
						? entry
						: action.type === 'loaded'
							? {...entry, status: 'ready', document: action.document}
							: {...entry, status: 'failed', error: action.error},
				),
			};
		}

		case 'view': {
			const current = history.entries[history.index];
			if (!current) return history;
			const entries = [...history.entries];
			entries[history.index] = {...current, scroll: action.scroll, focus: action.focus, resume: undefined};
			return {...history, entries};
		}

		case 'back': {
			return {...history, index: Math.max(-1, history.index - 1)};
		}

		case 'forward': {
			return {...history, index: Math.min(history.entries.length - 1, history.index + 1)};
		}

		case 'close': {
			return emptyHistory;
		}
	}
}
