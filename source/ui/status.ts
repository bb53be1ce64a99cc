import type {RefreshSummary} from '../refresh/refresh.js';
import type {ArticleLayout} from '../render/article-lines.js';
import {progressText, type Progress} from '../refresh/progress.js';
import type {Action, KeyMap, Screen} from './keymap.js';
import {plural} from '../text/plural.js';

/** A line for the status bar; errors are shown in the error colour. */
export type Message = {readonly text: string; readonly error: boolean};

/** The keys that matter on this screen, as the user has bound them. */
export function hintsFor(screen: Screen, keymap: KeyMap): string {
	const key = (action: Action) => keymap.keysFor(screen, action)[0] ?? '';
	return screen === 'article'
		? `${key('nextLink')} links · ${key('followLink')} open · ${key('back')} back · ${key('openInBrowser')} browser · ${key('help')} help`
		: `${key('open')} read · ${key('refreshAll')} refresh · ${key('search')} search · ${key('addFeed')} add · ${key('help')} help · ${key('quit')} quit`;
}

export type StatusInput = {
	readonly screen: Screen;
	readonly entry: {readonly url: string; readonly status: string} | undefined;
	readonly layout: ArticleLayout | undefined;
	readonly focus: number;
	readonly progress: Progress | undefined;
	readonly message: Message | undefined;
	readonly digits: string;
	readonly search: {query: string} | undefined;
	readonly unreadOnly: boolean;
	readonly feedLabel: string;
	readonly count: number;
	/** The reading service's line ("Synced 2m ago · 3 changes queued"), when one is connected. */
	readonly sync?: string | undefined;
	/** Who says the first quotation in view, on the article screen. */
	readonly speaker?: string | undefined;
};

/** What a finished refresh says; a feed that moved for good is named, since its address changed (it is followed from now on). */
export function refreshResult(summary: RefreshSummary | Error, moved: readonly string[]): Message {
	const movedText = moved.length === 1 ? ` · moved to ${moved[0]}` : moved.length > 1 ? ` · ${plural(moved.length, 'feed')} moved` : '';
	if (summary instanceof Error) return {text: `Refresh failed: ${summary.message}${movedText}`, error: true};
	if (summary.synced) {
		const local = summary.failed > 0 ? ` · ${plural(summary.failed, 'feed')} here failed` : '';
		const queued = summary.synced.queued > 0 ? ` · ${plural(summary.synced.queued, 'change')} queued` : '';
		return {text: `Synced with ${summary.synced.service}: ${summary.newItems} new${queued}${local}`, error: summary.failed > 0};
	}

	const failed = summary.failed > 0 ? ` · ${summary.failed} failed` : '';
	const deferred = summary.deferred > 0 ? ` · ${summary.deferred} deferred (server asked to wait)` : '';
	return {
		text: `Refreshed ${plural(summary.total, 'feed')}: ${summary.newItems} new${failed}${deferred}${movedText}`,
		error: summary.failed > 0,
	};
}

/** The headline screen with nothing going on (no message, refresh, search or filter): what the first paint shows. */
export function restingHeadlines(feedLabel: string, count: number, sync?: string): StatusInput {
	return {
		screen: 'headlines',
		entry: undefined,
		layout: undefined,
		focus: -1,
		progress: undefined,
		message: undefined,
		digits: '',
		search: undefined,
		unreadOnly: false,
		feedLabel,
		count,
		sync,
	};
}

/** What the right side of the status line says, most urgent first. */
export function statusText(input: StatusInput): Message {
	if (input.digits) return {text: `Link ${input.digits}… (Enter)`, error: false};
	if (input.message) return input.message;
	const refreshing = input.progress ? progressText(input.progress) : '';
	if (input.screen === 'article') {
		const stop = input.layout && input.focus >= 0 ? input.layout.stops[input.focus] : undefined;
		const speaker = input.speaker ? `Quote: ${input.speaker}` : '';
		return {text: stop ? `[${stop.link}] ${stop.href}` : refreshing || speaker || (input.entry?.url ?? ''), error: false};
	}

	if (refreshing) return {text: refreshing, error: false};
	const where = input.search ? `Search “${input.search.query}”` : `${input.feedLabel}${input.unreadOnly ? ' (unread)' : ''}`;
	return {
		text: `${where} · ${plural(input.count, 'story')}${input.sync ? ` · ${input.sync}` : ''}`,
		error: input.sync?.startsWith('Sync failed') ?? false,
	};
}
