import {useCallback, useEffect, useMemo, useReducer, useState} from 'react';
import {starterFeeds} from '../../config/default-feeds.js';
import type {Subscription} from '../../config/subscription.js';
import type {StoredItem} from '../../store/store.js';
import {plural} from '../../text/plural.js';
import {feedEntriesFor, listQuery} from '../headline-rows.js';
import {findUnread, ItemsPager, FixedList, type HeadlineList} from '../items-pager.js';
import type {Action, KeyMap} from '../keymap.js';
import type {PreparedScreen, Services} from '../services.js';
import {feedProblemFor, feedProblemHeight} from '../feed-problem.js';
import {headlinesReducer, initialHeadlines} from '../state/headlines-state.js';
import {isMovement, moved} from '../state/movement.js';

/** How long `A` can be undone. */
export const undoWindowMs = 10_000;

type Options = {
	readonly services: Services;
	readonly keymap: KeyMap;
	/** Rows for the lists. */
	readonly height: number;
	readonly prepared: PreparedScreen | undefined;
	readonly runRefresh: (subscriptions: readonly Subscription[]) => void;
	/** When the background refresh runs next by itself, if it does. */
	readonly nextRefresh: () => Date | undefined;
	readonly openItem: (item: StoredItem) => void;
};

/**
 * The headline screen: its reducer, the data it shows (feeds with counts, the list for the feed,
 * filter or search), and its keys. The store is read again whenever `reload` is called.
 */
export function useHeadlines({services, keymap, height: mainHeight, prepared, runRefresh, nextRefresh, openItem}: Options) {
	const {store, settings} = services;
	const [state, dispatch] = useReducer(headlinesReducer, prepared?.place, initialHeadlines);
	const [dataVersion, setDataVersion] = useState(0);
	const reload = useCallback(() => setDataVersion((version) => version + 1), []);

	const subscriptions = useMemo(() => settings.get('subscriptions'), [settings, dataVersion]); // eslint-disable-line react-hooks/exhaustive-deps
	// What the first paint read stays good until the data first changes (dataVersion 0).
	const feeds = useMemo(() => (dataVersion === 0 && prepared ? prepared.feeds : store.feedListing()), [store, dataVersion, prepared]);
	const feedEntries = useMemo(
		() => feedEntriesFor(subscriptions, feeds, dataVersion === 0 && prepared ? prepared.unreadCopies : store.copyCount(true)),
		[store, feeds, subscriptions, dataVersion, prepared],
	);
	const feedEntry = feedEntries[Math.min(state.feedIndex, feedEntries.length - 1)]!;
	const {unreadOnly, search} = state;

	// A feed whose last refresh failed says why above its stories: those rows are not the list's.
	const problem = useMemo(
		() => feedProblemFor(store, feedEntry, nextRefresh(), keymap),
		[store, feedEntry, keymap, dataVersion], // eslint-disable-line react-hooks/exhaustive-deps
	);
	const height = Math.max(1, mainHeight - (problem && !search ? feedProblemHeight : 0));

	const list: HeadlineList = useMemo(() => {
		if (dataVersion === 0 && prepared && feedEntry.key === prepared.feedKey && !unreadOnly && !search) return prepared.list;
		if (search) return new FixedList(store.search(search.query));
		return new ItemsPager(store, listQuery(feedEntry.key, feeds, unreadOnly));
	}, [store, feeds, feedEntry.key, unreadOnly, search, dataVersion, prepared]);

	// New data keeps the selection on the same story, wherever it moved to.
	const {selectedId} = state;
	useEffect(() => {
		const index = selectedId === undefined ? undefined : list.indexOf(selectedId);
		dispatch({type: 'listChanged', index, id: selectedId, count: list.count, height});
	}, [list, height]); // eslint-disable-line react-hooks/exhaustive-deps

	const selectedItem = list.at(state.selected);
	const selectStory = (index: number) => {
		const clamped = Math.max(0, Math.min(list.count - 1, index));
		dispatch({type: 'selectStory', index: clamped, id: list.at(clamped)?.id, count: list.count, height});
	};

	/** A line for the status bar, until the next key. */
	const say = (text: string, error = false) => dispatch({type: 'message', message: {text, error}});

	/** Handles a key's action on the headline screen. */
	const handle = (action: Action): void => {
		const page = Math.max(1, height - 2);
		if (isMovement(action)) {
			if (state.pane === 'feeds') dispatch({type: 'selectFeed', index: moved(action, state.feedIndex, feedEntries.length, page)});
			else selectStory(moved(action, state.selected, list.count, page));
			return;
		}

		switch (action) {
			case 'switchPane': {
				dispatch({type: 'switchPane'});
				return;
			}

			case 'open': {
				if (state.pane === 'feeds') dispatch({type: 'switchPane', pane: 'items'});
				else if (selectedItem) openItem(selectedItem);
				return;
			}

			case 'nextUnread':
			case 'previousUnread': {
				const index = findUnread(list, state.selected, action === 'nextUnread' ? 1 : -1);
				if (index === undefined) say('No more unread stories');
				else selectStory(index);
				return;
			}

			case 'toggleRead': {
				if (selectedItem) {
					store.setRead([selectedItem.id], !selectedItem.read);
					reload();
				}

				return;
			}

			case 'toggleStar': {
				if (selectedItem) {
					store.setStarred(selectedItem.id, !selectedItem.starred);
					reload();
				}

				return;
			}

			case 'markAllRead': {
				const ids: number[] = [];
				for (let index = 0; index < list.count; index++) {
					const item = list.at(index)!;
					if (!item.read) ids.push(item.id);
				}

				store.setRead(ids, true);
				const undoKey = keymap.keysFor('headlines', 'undo')[0];
				dispatch({
					type: 'markedRead',
					undo: ids.length > 0 ? {ids, until: services.now().getTime() + undoWindowMs} : undefined,
					message: {
						text: `Marked ${plural(ids.length, 'story')} read${ids.length > 0 && undoKey ? ` · ${undoKey} undoes` : ''}`,
						error: false,
					},
				});
				reload();
				return;
			}

			case 'undo': {
				const {undo} = state;
				if (!undo || services.now().getTime() > undo.until) {
					dispatch({type: 'undone', message: {text: 'Nothing to undo', error: false}});
					return;
				}

				store.setRead(undo.ids, false);
				dispatch({type: 'undone', message: {text: `${plural(undo.ids.length, 'story')} unread again`, error: false}});
				reload();
				return;
			}

			case 'refresh': {
				const subscription = subscriptions.find((candidate) => candidate.url === feedEntry.key);
				runRefresh(subscription ? [subscription] : subscriptions);
				return;
			}

			case 'refreshAll': {
				runRefresh(subscriptions);
				return;
			}

			case 'toggleUnreadOnly': {
				dispatch({type: 'toggleUnreadOnly'});
				return;
			}

			case 'addFeed': {
				dispatch({type: 'openPrompt', kind: 'add', value: ''});
				return;
			}

			case 'addStarterFeeds': {
				if (subscriptions.length > 0) {
					say('The starter feeds are offered while you follow no feed: a adds one');
					return;
				}

				// The list as it is now decides: another process may have subscribed meanwhile.
				const added = settings.update('subscriptions', (current) => (current.length > 0 ? current : starterFeeds));
				say(`Following ${plural(added.length, 'feed')}: refreshing`);
				reload();
				runRefresh(added);
				return;
			}

			case 'search': {
				dispatch({type: 'openPrompt', kind: 'search', value: search?.query ?? ''});
				return;
			}

			case 'back': {
				if (search) dispatch({type: 'search', query: undefined});
				return;
			}

			default:
		}
	};

	return {
		state,
		dispatch,
		reload,
		subscriptions,
		feedEntries,
		feedEntry,
		list,
		say,
		selectedItem,
		problem: search ? undefined : problem,
		listHeight: height,
		handle,
	};
}
