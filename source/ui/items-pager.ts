import type {ItemQuery, Store, StoredItem} from '../store/store.js';

const pageSize = 100;

/** What the headline list reads from: a query over the store, or a fixed list (search results). */
export type HeadlineList = {
	readonly count: number;
	at(index: number): StoredItem | undefined;
	slice(start: number, length: number): StoredItem[];
	indexOf(id: number): number | undefined;
};

/** Next (or previous) unread item from `from`, exclusive, in any headline list. */
export function findUnread(list: HeadlineList, from: number, direction: 1 | -1): number | undefined {
	for (let index = from + direction; index >= 0 && index < list.count; index += direction) {
		if (!list.at(index)!.read) return index;
	}

	return undefined;
}

/** Search results: already in memory, ranked by relevance. */
export class FixedList implements HeadlineList {
	constructor(private readonly items: readonly StoredItem[]) {}

	get count(): number {
		return this.items.length;
	}

	at(index: number): StoredItem | undefined {
		return this.items[index];
	}

	slice(start: number, length: number): StoredItem[] {
		return this.items.slice(start, start + length);
	}

	indexOf(id: number): number | undefined {
		const index = this.items.findIndex((item) => item.id === id);
		return index === -1 ? undefined : index;
	}
}

/**
 * A headline list of any length read a page at a time: the first screen needs one count and one
 * page, never every item. Pages are dropped on `reload` (after a refresh or a change of state).
 */
export class ItemsPager implements HeadlineList {
	count: number;
	private readonly pages = new Map<number, StoredItem[]>();

	constructor(
		private readonly store: Store,
		private readonly query: ItemQuery,
	) {
		this.count = store.countItems(query);
	}

	at(index: number): StoredItem | undefined {
		if (index < 0 || index >= this.count) return undefined;
		const page = Math.floor(index / pageSize);
		let rows = this.pages.get(page);
		if (!rows) {
			rows = this.store.items({...this.query, offset: page * pageSize, limit: pageSize});
			this.pages.set(page, rows);
		}

		return rows[index - page * pageSize];
	}

	/** Visible rows [start, start + length). */
	slice(start: number, length: number): StoredItem[] {
		const rows: StoredItem[] = [];
		for (let index = start; index < Math.min(this.count, start + length); index++) rows.push(this.at(index)!);
		return rows;
	}

	indexOf(id: number): number | undefined {
		for (const [page, rows] of this.pages) {
			const found = rows.findIndex((row) => row.id === id);
			if (found !== -1) return page * pageSize + found;
		}

		return this.store.positionOf(id, this.query);
	}

	reload(): void {
		this.pages.clear();
		this.count = this.store.countItems(this.query);
	}
}
