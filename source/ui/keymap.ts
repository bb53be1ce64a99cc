import type {Key} from 'ink';
import type {KeyAction} from '../config/key-actions.js';

/** What a key does (the names users bind in `keyBindings`). One table drives both the handling and the help overlay, so they cannot disagree. */
export type Action = KeyAction;

export type Screen = 'headlines' | 'article';

type Binding = {readonly action: Action; readonly keys: readonly string[]; readonly help: string};

const common: Binding[] = [
	{action: 'help', keys: ['?'], help: 'show or hide this help'},
	{action: 'down', keys: ['j', 'down'], help: 'down'},
	{action: 'up', keys: ['k', 'up'], help: 'up'},
	{action: 'pageDown', keys: ['pagedown', 'space', 'ctrl-d'], help: 'page down'},
	{action: 'pageUp', keys: ['pageup', 'ctrl-u'], help: 'page up'},
	{action: 'top', keys: ['g', 'home'], help: 'to the top'},
	{action: 'bottom', keys: ['G', 'end'], help: 'to the bottom'},
	{action: 'openInBrowser', keys: ['o'], help: 'open in the web browser'},
	{action: 'copyUrl', keys: ['y'], help: 'copy the URL'},
	{action: 'suspend', keys: ['ctrl-z'], help: 'suspend (fg comes back)'},
];

export const defaultBindings: Readonly<Record<Screen, readonly Binding[]>> = {
	headlines: [
		...common,
		{action: 'open', keys: ['enter', 'l', 'right'], help: 'open the story (or the feed)'},
		{action: 'switchPane', keys: ['tab', 'shift-tab', 'h', 'left'], help: 'switch between feeds and headlines'},
		{action: 'nextUnread', keys: ['n'], help: 'next unread'},
		{action: 'previousUnread', keys: ['p'], help: 'previous unread'},
		{action: 'toggleRead', keys: ['m'], help: 'mark read / unread'},
		{action: 'toggleStar', keys: ['s'], help: 'star / unstar'},
		{action: 'markAllRead', keys: ['A'], help: 'mark the whole list read'},
		{action: 'undo', keys: ['U'], help: 'undo marking the list read (for 10 s)'},
		{action: 'refresh', keys: ['r'], help: 'refresh this feed'},
		{action: 'refreshAll', keys: ['R'], help: 'refresh all feeds'},
		{action: 'toggleUnreadOnly', keys: ['u'], help: 'only unread / everything'},
		{action: 'addFeed', keys: ['a'], help: 'add a feed (URL or site)'},
		{action: 'addStarterFeeds', keys: ['S'], help: 'follow the starter feeds (while you follow none)'},
		{action: 'search', keys: ['/'], help: 'search titles and articles'},
		{action: 'back', keys: ['escape'], help: 'clear the search'},
		{action: 'quit', keys: ['q', 'ctrl-c'], help: 'quit'},
	],
	article: [
		...common,
		{action: 'nextLink', keys: ['tab'], help: 'focus the next link'},
		{action: 'previousLink', keys: ['shift-tab'], help: 'focus the previous link'},
		{action: 'followLink', keys: ['enter'], help: 'open the focused link here (digits, then Enter: link n)'},
		{action: 'back', keys: ['escape', 'backspace', 'q'], help: 'back'},
		{action: 'historyBack', keys: ['[', 'alt-left'], help: 'back in history'},
		{action: 'historyForward', keys: [']', 'alt-right'], help: 'forward in history'},
		{action: 'toggleStar', keys: ['s'], help: 'star / unstar'},
		{action: 'keyQuotes', keys: ['K'], help: 'key quotes: who said what (Enter jumps to one)'},
		{action: 'quit', keys: ['ctrl-c'], help: 'quit'},
	],
};

export type KeyMap = {
	readonly lookup: (screen: Screen, key: string) => Action | undefined;
	readonly help: (screen: Screen) => ReadonlyArray<{readonly keys: string; readonly help: string}>;
	readonly keysFor: (screen: Screen, action: Action) => readonly string[];
};

/** Applies the user's `keyBindings` (action → keys) over the defaults, on every screen where the action exists. */
export function createKeyMap(overrides: Readonly<Record<string, readonly string[]>> = {}): KeyMap {
	const bindings = Object.fromEntries(
		Object.entries(defaultBindings).map(([screen, list]) => [
			screen,
			list.map((binding) => (overrides[binding.action] ? {...binding, keys: overrides[binding.action]!} : binding)),
		]),
	) as Record<Screen, Binding[]>;
	const tables = Object.fromEntries(
		Object.entries(bindings).map(([screen, list]) => [
			screen,
			new Map(list.flatMap((binding) => binding.keys.map((key) => [key, binding.action]))),
		]),
	) as Record<Screen, Map<string, Action>>;
	return {
		lookup: (screen, key) => tables[screen].get(key) ?? (key === 'ctrl-c' ? 'quit' : undefined),
		help: (screen) => bindings[screen].map((binding) => ({keys: binding.keys.map((key) => displayKey(key)).join(' '), help: binding.help})),
		keysFor: (screen, action) => bindings[screen].find((binding) => binding.action === action)?.keys.map((key) => displayKey(key)) ?? [],
	};
}

/** Ink's key event as one name: "j", "G", "enter", "shift-tab", "ctrl-c", "alt-left"… */
export function keyName(input: string, key: Key): string {
	if (key.return) return 'enter';
	if (key.escape) return 'escape';
	if (key.tab) return key.shift ? 'shift-tab' : 'tab';
	if (key.backspace || key.delete) return 'backspace';
	if (key.pageDown) return 'pagedown';
	if (key.pageUp) return 'pageup';
	if (key.home) return 'home';
	if (key.end) return 'end';
	const arrow = key.upArrow ? 'up' : key.downArrow ? 'down' : key.leftArrow ? 'left' : key.rightArrow ? 'right' : undefined;
	if (arrow) return key.meta ? `alt-${arrow}` : arrow;
	if (key.ctrl && input) return `ctrl-${input.toLowerCase()}`;
	if (input === ' ') return 'space';
	return input;
}

function displayKey(key: string): string {
	const names: Record<string, string> = {
		down: '↓',
		up: '↑',
		left: '←',
		right: '→',
		enter: 'Enter',
		escape: 'Esc',
		backspace: 'Backspace',
		tab: 'Tab',
		'shift-tab': 'Shift-Tab',
		pagedown: 'PgDn',
		pageup: 'PgUp',
		space: 'Space',
		home: 'Home',
		end: 'End',
		'alt-left': 'Alt-←',
		'alt-right': 'Alt-→',
	};
	return names[key] ?? (key.startsWith('ctrl-') ? `Ctrl-${key.slice(5).toUpperCase()}` : key);
}
