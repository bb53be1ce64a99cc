import type {Message} from '../status.js';
import type {Line} from './line-editor.js';
import {keptInView} from './movement.js';

/** A line with the cursor at its end. */
const lineOf = (value: string): Line => ({value, cursor: value.length});

/**
 * The headline screen's state as a pure reducer (as @inkjs/ui pairs a widget with its state hook):
 * which pane has the keys, the feed and story selected (the story kept by id, so that new data
 * does not move it), how far the list is scrolled, the filter, the search, the prompt, the help
 * overlay, the status message, and what `A` can still undo. Geometry comes with the actions.
 */

export type Pane = 'feeds' | 'items';

export type PromptState = {
	readonly kind: 'add' | 'search';
	/** What is typed, and where the cursor is in it. */
	readonly line: Line;
	readonly error?: string | undefined;
	readonly busy?: boolean;
};

/** Stories `A` marked read, until the undo window closes (epoch ms). */
export type Undo = {readonly ids: readonly number[]; readonly until: number};

export type HeadlinesState = {
	readonly pane: Pane;
	readonly feedIndex: number;
	readonly selected: number;
	readonly selectedId: number | undefined;
	readonly listTop: number;
	readonly unreadOnly: boolean;
	readonly search: {readonly query: string} | undefined;
	readonly prompt: PromptState | undefined;
	readonly help: boolean;
	/** The first key the help overlay shows. */
	readonly helpScroll: number;
	readonly message: Message | undefined;
	readonly undo: Undo | undefined;
};

/** Where the list's rows are: how many, and how many fit. */
type ListGeometry = {readonly count: number; readonly height: number};

export type HeadlinesAction =
	| {readonly type: 'selectFeed'; readonly index: number}
	| ({readonly type: 'selectStory'; readonly index: number; readonly id: number | undefined} & ListGeometry)
	/** The list's data changed: `index` is where the selected story is now (undefined: gone). */
	| ({readonly type: 'listChanged'; readonly index: number | undefined; readonly id: number | undefined} & ListGeometry)
	| {readonly type: 'switchPane'; readonly pane?: Pane}
	| {readonly type: 'toggleUnreadOnly'}
	| {readonly type: 'search'; readonly query: string | undefined}
	| {readonly type: 'openPrompt'; readonly kind: PromptState['kind']; readonly value: string}
	| {readonly type: 'editPrompt'; readonly line: Line}
	| {readonly type: 'promptBusy'; readonly value: string}
	| {readonly type: 'promptFailed'; readonly value: string; readonly error: string}
	| {readonly type: 'closePrompt'}
	| {readonly type: 'toggleHelp'; readonly shown?: boolean}
	| {readonly type: 'scrollHelp'; readonly to: number}
	| {readonly type: 'message'; readonly message: Message | undefined}
	| {readonly type: 'markedRead'; readonly undo: Undo | undefined; readonly message: Message}
	| {readonly type: 'undone'; readonly message: Message};

/** Where the reader starts: the feed and story it left last time, when they still exist. */
export function initialHeadlines(start: {feedIndex?: number; selected?: number; selectedId?: number | undefined; listTop?: number} = {}) {
	return {
		pane: 'items',
		feedIndex: start.feedIndex ?? 0,
		selected: start.selected ?? 0,
		selectedId: start.selectedId,
		listTop: start.listTop ?? 0,
		unreadOnly: false,
		search: undefined,
		prompt: undefined,
		help: false,
		helpScroll: 0,
		message: undefined,
		undo: undefined,
	} satisfies HeadlinesState as HeadlinesState;
}

export function headlinesReducer(state: HeadlinesState, action: HeadlinesAction): HeadlinesState {
	switch (action.type) {
		case 'selectFeed': {
			if (action.index === state.feedIndex) return state;
			return {...state, feedIndex: action.index, selected: 0, selectedId: undefined, listTop: 0, undo: undefined};
		}

		case 'selectStory':
		case 'listChanged': {
			const selected = Math.max(0, Math.min(action.index ?? state.selected, action.count - 1));
			const listTop = keptInView(state.listTop, selected, action.height, action.count);
			if (selected === state.selected && listTop === state.listTop && action.id === state.selectedId) return state;
			return {...state, selected, listTop, selectedId: action.id};
		}

		case 'switchPane': {
			return {...state, pane: action.pane ?? (state.pane === 'feeds' ? 'items' : 'feeds')};
		}

		case 'toggleUnreadOnly': {
			const unreadOnly = !state.unreadOnly;
			return {
				...state,
				unreadOnly,
				message: {text: unreadOnly ? 'Showing unread stories only' : 'Showing every story', error: false},
			};
		}

		case 'search': {
			const query = action.query?.trim();
			return {
				...state,
				search: query ? {query} : undefined,
				prompt: undefined,
				selected: 0,
				selectedId: undefined,
				listTop: 0,
				pane: query ? 'items' : state.pane,
			};
		}

		case 'openPrompt': {
			return {...state, prompt: {kind: action.kind, line: {value: action.value, cursor: action.value.length}}};
		}

		case 'editPrompt': {
			return state.prompt ? {...state, prompt: {...state.prompt, line: action.line, error: undefined}} : state;
		}

		case 'promptBusy': {
			return state.prompt ? {...state, prompt: {...state.prompt, line: lineOf(action.value), busy: true, error: undefined}} : state;
		}

		case 'promptFailed': {
			return state.prompt ? {...state, prompt: {...state.prompt, line: lineOf(action.value), busy: false, error: action.error}} : state;
		}

		case 'closePrompt': {
			return {...state, prompt: undefined};
		}

		case 'toggleHelp': {
			return {...state, help: action.shown ?? !state.help, helpScroll: 0};
		}

		case 'scrollHelp': {
			return {...state, helpScroll: Math.max(0, action.to)};
		}

		case 'message': {
			return action.message === state.message ? state : {...state, message: action.message};
		}

		case 'markedRead': {
			return {...state, undo: action.undo, message: action.message};
		}

		case 'undone': {
			return {...state, undo: undefined, message: action.message};
		}
	}
}
