import {useInput, usePaste} from 'ink';
import {useEffect, useReducer, useRef} from 'react';
import {plural} from '../../text/plural.js';
import {helpWindow} from '../components/help-overlay.js';
import {splitKeys, type Keypress} from '../key-chunks.js';
import {keyName, type Action, type KeyMap, type Screen} from '../keymap.js';
import type {Services} from '../services.js';
import {editLine} from '../state/line-editor.js';
import {isMovement, moved} from '../state/movement.js';
import type {useArticleReader} from './use-article-reader.js';
import type {useHeadlines} from './use-headlines.js';

type Options = {
	readonly services: Services;
	readonly keymap: KeyMap;
	readonly headlines: ReturnType<typeof useHeadlines>;
	readonly reader: ReturnType<typeof useArticleReader>;
	readonly screen: Screen;
	/** Rows the screen in front has (the help overlay scrolls by them). */
	readonly shownHeight: number;
	/** Called as each read of keys arrives (the benchmark's keypress-to-frame timing). */
	readonly onKey: (() => void) | undefined;
	readonly say: (text: string, error?: boolean) => void;
	readonly suspend: () => void;
	readonly quit: () => void;
};

/**
 * The reader's keys, routed to what is in front: the help overlay, a prompt (typing, pastes, Esc),
 * the article or the headlines; the keys every screen shares are handled here.
 */
export function useReaderKeys({services, keymap, headlines, reader, screen, shownHeight, onKey, say, suspend, quit}: Options) {
	const {store} = services;
	const {state, dispatch, selectedItem} = headlines;
	const {entry} = reader;

	const currentUrl = (): string | undefined => (screen === 'article' ? reader.currentUrl() : (selectedItem?.link ?? undefined));

	/** Keys every screen shares; false when the action is the screen's own. */
	const handleCommon = (action: Action): boolean => {
		switch (action) {
			case 'quit': {
				quit();
				return true;
			}

			case 'help': {
				dispatch({type: 'toggleHelp'});
				return true;
			}

			case 'suspend': {
				// Ctrl-Z: the shell's screen back until `fg`, then a full redraw.
				suspend();
				return true;
			}

			case 'openInBrowser': {
				const url = currentUrl();
				if (!url) return true;
				say(`Opening ${url}…`);
				void services
					.openInBrowser(url)
					.then((result) =>
						result.ok
							? say(`Opened with ${result.command}: ${url}`)
							: say(`Could not open a browser (${result.reason}): ${keymap.keysFor(screen, 'copyUrl')[0] ?? 'y'} copies the URL`, true),
					);
				return true;
			}

			case 'copyUrl': {
				const url = currentUrl();
				if (url) {
					services.copyToClipboard(url);
					say(`Copied ${url}`);
				}

				return true;
			}

			default: {
				return false;
			}
		}
	};

	const handleArticle = (action: Action) => {
		if (reader.handle(action)) return;
		if (action === 'toggleStar' && entry?.item) {
			const starred = !store.item(entry.item.id)?.starred;
			store.setStarred(entry.item.id, starred);
			say(starred ? 'Starred' : 'Unstarred');
			headlines.reload();
		}
	};

	const handleKey = ({input, key}: Keypress) => {
		const name = keyName(input, key);
		if (state.help) {
			const action = keymap.lookup(screen, name);
			if (name === '?' || name === 'escape' || name === 'q') dispatch({type: 'toggleHelp', shown: false});
			else if (action === 'quit' && name === 'ctrl-c') quit();
			else if (action && isMovement(action)) {
				const window = helpWindow(shownHeight);
				const count = Math.max(1, keymap.help(screen).length - window + 1);
				dispatch({type: 'scrollHelp', to: moved(action, state.helpScroll, count, Math.max(1, window - 1))});
			}

			return;
		}

		dispatch({type: 'message', message: undefined});
		if (screen === 'article' && /^\d$/.test(input) && !key.ctrl && !key.meta) {
			reader.typeDigit(input);
			return;
		}

		const action = keymap.lookup(screen, name);
		if (!action) reader.clearDigits();
		else if (handleCommon(action)) return;
		else if (screen === 'article') handleArticle(action);
		else headlines.handle(action);
	};

	// While a prompt is open only Esc (cancel), Ctrl-C and Ctrl-Z reach the app; everything else is typing.
	useInput(
		(input, key) => {
			if (key.escape) dispatch({type: 'closePrompt'});
			else if (key.ctrl && input === 'c') quit();
			else if (key.ctrl && input === 'z') handleCommon('suspend');
		},
		{isActive: Boolean(state.prompt)},
	);

	/** Enter in a prompt (of the kind given when it opened in this very read of keys). */
	const submitPrompt = (value: string, kind = state.prompt?.kind) => {
		if (!kind) return;
		if (kind === 'search') {
			dispatch({type: 'search', query: value});
			return;
		}

		if (!value.trim()) {
			dispatch({type: 'closePrompt'});
			return;
		}

		dispatch({type: 'promptBusy', value});
		services.addFeed(value).then(
			(result) => {
				dispatch({type: 'closePrompt'});
				say(
					result.status === 'exists'
						? `Already subscribed to ${result.url}`
						: `Subscribed to ${result.title}: ${plural(result.items, 'story')}`,
				);
				headlines.reload();
			},
			(error: unknown) => dispatch({type: 'promptFailed', value, error: error instanceof Error ? error.message : String(error)}),
		);
	};

	/**
	 * Keys that came in one read after the key that opens a prompt (`a` or `/`) are its text, typed at
	 * once: the prompt opens with them, and a newline among them submits. Nothing waits for a render.
	 */
	const openPromptWith = (kind: 'add' | 'search', typed: readonly Keypress[]) => {
		const initial = kind === 'search' ? (state.search?.query ?? '') : '';
		let line = {value: initial, cursor: initial.length};
		for (const {input, key} of typed) {
			if (key.escape) return;
			if (key.return) {
				dispatch({type: 'openPrompt', kind, value: line.value});
				submitPrompt(line.value, kind);
				return;
			}

			line = editLine(line, {...key, input});
		}

		dispatch({type: 'openPrompt', kind, value: line.value});
	};

	// A read of several keys (typed while the reader started, or quickly over SSH) is taken a key at a
	// time, one per render, so that each key sees the state the key before it left.
	const pending = useRef<Keypress[]>([]);
	// Each turn is a render of its own, after everything the key before dispatched: the effect below runs
	// on that render only, so it never sees a state between two of a key's updates.
	const [keyTurn, takeNextKey] = useReducer((count: number) => count + 1, 0);
	/** The next key of the read, or (when it opens a prompt) the rest of the read as the prompt's text. */
	const takeKey = () => {
		const next = pending.current.shift();
		if (!next) return;
		const action = state.help ? undefined : keymap.lookup(screen, keyName(next.input, next.key));
		if (pending.current.length > 0 && (action === 'addFeed' || action === 'search') && screen === 'headlines') {
			openPromptWith(action === 'addFeed' ? 'add' : 'search', pending.current.splice(0));
			return;
		}

		handleKey(next);
		if (pending.current.length > 0) takeNextKey();
	};

	useInput(
		(input, key) => {
			onKey?.();
			pending.current.push(...splitKeys(input, key));
			takeKey();
		},
		{isActive: !state.prompt},
	);
	useEffect(takeKey, [keyTurn]); // eslint-disable-line react-hooks/exhaustive-deps

	// A paste is typing, at the cursor; a newline in it is Enter (a URL copied with its line end submits).
	usePaste(
		(text) => {
			const {prompt} = state;
			if (!prompt || prompt.busy) return;
			const [first = '', ...rest] = text.split(/\r\n|\r|\n/);
			const line = editLine(prompt.line, {input: first});
			if (rest.length > 0) submitPrompt(line.value);
			else dispatch({type: 'editPrompt', line});
		},
		{isActive: Boolean(state.prompt)},
	);

	return {submitPrompt};
}
