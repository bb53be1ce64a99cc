/**
 * Every action a key can be bound to in `keyBindings`: the reader's key map is built over these, and
 * settings are checked against them (a misspelt action is named, with the nearest one).
 */
export const keyActions = [
	'quit',
	'back',
	'help',
	'down',
	'up',
	'pageDown',
	'pageUp',
	'top',
	'bottom',
	'open',
	'switchPane',
	'nextUnread',
	'previousUnread',
	'toggleRead',
	'toggleStar',
	'markAllRead',
	'undo',
	'refresh',
	'refreshAll',
	'toggleUnreadOnly',
	'addFeed',
	'addStarterFeeds',
	'search',
	'nextLink',
	'previousLink',
	'followLink',
	'historyBack',
	'historyForward',
	'keyQuotes',
	'openInBrowser',
	'copyUrl',
	'suspend',
] as const;

export type KeyAction = (typeof keyActions)[number];
