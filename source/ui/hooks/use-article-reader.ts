import {attributeQuotes, keyQuotes, type SpeakerQuotes} from '../../articles/speakers.js';
import {useEffect, useMemo, useReducer, useRef, useState} from 'react';
import type {StoredItem} from '../../store/store.js';
import {hostOf} from '../../net/url.js';
import {layoutArticle, type AlsoIn, type ArticleLayout} from '../../render/article-lines.js';
import {emptyHistory, historyReducer} from '../state/article-history.js';
import type {Action} from '../keymap.js';
import type {Services} from '../services.js';
import {isMovement, moved} from '../state/movement.js';

type Options = {
	readonly services: Services;
	/** Terminal columns, and rows available to the article. */
	readonly width: number;
	readonly height: number;
	readonly onProblem: (text: string) => void;
};

/**
 * The article side of the reader: history of opened pages (each with its document, scroll and
 * focused link), loading, the layout per width, and the keys that read and follow links.
 */
export function useArticleReader({services, width, height, onProblem}: Options) {
	const [history, dispatch] = useReducer(historyReducer, emptyHistory);
	const [digits, setDigits] = useState('');
	const nextId = useRef(1);
	const entry = history.entries[history.index];

	useEffect(() => {
		if (!entry || entry.status !== 'loading') return;
		const controller = new AbortController();
		const load = entry.item
			? services.loadItemArticle(entry.item, controller.signal)
			: services.loadUrlArticle(entry.url, controller.signal);
		load.then(
			(document) => dispatch({type: 'loaded', id: entry.id, document}),
			(error: unknown) => dispatch({type: 'failed', id: entry.id, error: error instanceof Error ? error.message : String(error)}),
		);
		return () => controller.abort();
	}, [entry?.id, entry?.status]); // eslint-disable-line react-hooks/exhaustive-deps

	const articleWidth = Math.max(20, width - 2);
	const articleDocument = entry?.document;
	// A story other feeds carry too names them under its meta line, each a link to that feed's copy.
	const itemId = entry?.item?.id;
	const alsoIn: AlsoIn[] = useMemo(
		() =>
			itemId === undefined
				? []
				: services.store.stories
						.copiesOf(itemId)
						.map((copy) => ({feed: copy.feedTitle ?? hostOf(copy.feedUrl), href: copy.link, itemId: copy.id})),
		[services.store, itemId],
	);
	// Laid out once per document and width; scrolling only slices it.
	const layout: ArticleLayout | undefined = useMemo(
		() => (articleDocument ? layoutArticle(articleDocument, articleWidth, alsoIn) : undefined),
		[articleDocument, articleWidth, alsoIn],
	);

	// A resize re-wraps: keep the reader at the same place in the text. Reopened, it returns to where reading stopped.
	const previousLayout = useRef<ArticleLayout | undefined>(undefined);
	useEffect(() => {
		const before = previousLayout.current;
		previousLayout.current = layout;
		if (layout && entry?.resume) {
			const {fraction, focus: resumeFocus} = entry.resume;
			dispatch({
				type: 'view',
				scroll: Math.round(fraction * layout.lines.length),
				focus: resumeFocus < layout.stops.length ? resumeFocus : -1,
			});
			return;
		}

		if (!layout || !before || before === layout || !entry || before.lines.length === 0) return;
		if (entry.document && before.width !== layout.width) {
			dispatch({type: 'view', scroll: Math.round((entry.scroll / before.lines.length) * layout.lines.length), focus: entry.focus});
		}
	}, [layout]); // eslint-disable-line react-hooks/exhaustive-deps

	const maxScroll = layout ? Math.max(0, layout.lines.length - height) : 0;
	const scroll = Math.min(entry?.scroll ?? 0, maxScroll);
	const focus = entry?.focus ?? -1;
	const setView = (nextScroll: number, nextFocus = focus) =>
		dispatch({type: 'view', scroll: Math.max(0, Math.min(maxScroll, nextScroll)), focus: nextFocus});

	/** Focuses a link stop (wrapping around) and scrolls just enough to show it. */
	const focusStop = (stopIndex: number) => {
		if (!layout || layout.stops.length === 0) return;
		const index = ((stopIndex % layout.stops.length) + layout.stops.length) % layout.stops.length;
		const stop = layout.stops[index]!;
		let nextScroll = scroll;
		if (stop.firstLine < scroll) nextScroll = stop.firstLine - 2;
		else if (stop.lastLine >= scroll + height) nextScroll = stop.lastLine - height + 3;
		setView(nextScroll, index);
	};

	const jumpToLink = (number: number) => {
		setDigits('');
		const index = layout?.stops.findIndex((stop) => stop.link === number) ?? -1;
		if (index === -1) onProblem(`No link ${number} in this article`);
		else focusStop(index);
	};

	const open = (url: string, item?: StoredItem) => {
		savePosition();
		dispatch({type: 'open', id: nextId.current++, url, item, resume: services.store.readingPosition(url)});
	};

	/** Remembers where reading stopped in the article in front (across restarts too). */
	const savePosition = () => {
		if (!entry || entry.status !== 'ready' || !layout || layout.lines.length === 0 || entry.resume) return;
		services.store.setReadingPosition(entry.url, {fraction: scroll / layout.lines.length, focus}, services.now().toISOString());
	};

	/** A digit typed in the article: jump at once when no longer link number could follow, else wait for more or Enter. */
	const typeDigit = (digit: string) => {
		const typed = digits + digit;
		if (Number(typed) * 10 > (entry?.document?.links.length ?? 0)) jumpToLink(Number(typed));
		else setDigits(typed);
	};

	// Key quotes (K): who said what, grouped by speaker; Enter jumps to the quotation's place in the text.
	const [quotesOpen, setQuotesOpen] = useState<{selected: number} | undefined>();
	const quotes = useMemo(() => (articleDocument ? keyQuotes(attributeQuotes(articleDocument)) : []), [articleDocument]);
	const quoteOrder = useMemo(() => quotes.flatMap((group) => group.quotes.map((quote) => quote.quote)), [quotes]);
	const handleKeyQuotes = (action: Action): boolean => {
		if (!quotesOpen) return false;
		if (isMovement(action)) setQuotesOpen({selected: moved(action, quotesOpen.selected, quoteOrder.length, Math.max(1, height - 4))});
		else if (action === 'followLink') {
			const line = layout?.quoteLines.get(quoteOrder[quotesOpen.selected] ?? -1);
			if (line !== undefined) setView(line - 2, -1);
			setQuotesOpen(undefined);
		} else if (action === 'back' || action === 'keyQuotes') setQuotesOpen(undefined);
		return true;
	};

	/** Handles an article key; false when the action is not the article's to handle. */
	const handle = (action: Action): boolean => {
		if (handleKeyQuotes(action)) return true;
		if (action === 'keyQuotes') {
			setQuotesOpen({selected: 0});
			return true;
		}

		const page = Math.max(1, height - 2);
		if (isMovement(action)) {
			setView(moved(action, scroll, maxScroll + 1, page));
			return true;
		}

		switch (action) {
			case 'nextLink':
			case 'previousLink': {
				const first = firstStopFrom(layout, scroll);
				const forward = action === 'nextLink';
				focusStop(focus < 0 ? (forward ? first : first - 1) : focus + (forward ? 1 : -1));
				return true;
			}

			case 'followLink': {
				if (digits) {
					jumpToLink(Number(digits));
					return true;
				}

				const stop = layout && focus >= 0 ? layout.stops[focus] : undefined;
				const copy = stop?.itemId === undefined ? undefined : services.store.item(stop.itemId);
				if (copy) open(copy.link ?? copy.feedUrl, copy);
				else if (stop?.href) open(stop.href);
				return true;
			}

			case 'back':
			case 'historyBack':
			case 'historyForward': {
				setDigits('');
				savePosition();
				dispatch({type: action === 'historyForward' ? 'forward' : 'back'});
				return true;
			}

			default: {
				return false;
			}
		}
	};

	/** What `o` and `y` act on here: the focused link, else the page itself. */
	const currentUrl = (): string | undefined =>
		(layout && focus >= 0 ? layout.stops[focus]?.href : undefined) || (entry?.document?.canonicalUrl ?? entry?.url);

	/** The speaker of the first quotation in view ("Rex Tillerson, US Secretary of State"), for the status line. */
	const speakerInView = (): string | undefined => {
		if (!layout) return undefined;
		let first: {line: number; who: string} | undefined;
		for (const group of quotes) {
			if (!group.speaker) continue;
			for (const {quote} of group.quotes) {
				const line = layout.quoteLines.get(quote);
				if (line === undefined || line < scroll || line >= scroll + height || (first && first.line <= line)) continue;
				first = {line, who: whoSays(group)};
			}
		}

		return first?.who;
	};

	const selectedQuote = quotesOpen ? quoteOrder[quotesOpen.selected] : undefined;
	const selectedGroup = quotes.find((group) => group.quotes.some((quote) => quote.quote === selectedQuote));
	const keyQuotesView =
		quotesOpen && entry?.document
			? {
					groups: quotes,
					selected: selectedQuote,
					speaker: selectedGroup?.speaker ? whoSays(selectedGroup) : undefined,
				}
			: undefined;
	return {
		entry,
		layout,
		scroll,
		focus,
		digits,
		open,
		handle,
		typeDigit,
		clearDigits: () => setDigits(''),
		currentUrl,
		savePosition,
		keyQuotesView,
		speakerInView,
	};
}

/** The first link stop at or below the top of the view: where Tab starts when nothing is focused. */
function firstStopFrom(layout: ArticleLayout | undefined, scroll: number): number {
	if (!layout) return 0;
	const index = layout.stops.findIndex((stop) => stop.firstLine >= scroll);
	return index === -1 ? 0 : index;
}

/** "Rex Tillerson, US Secretary of State": a speaker as the status line names them. */
function whoSays(group: SpeakerQuotes): string {
	return group.role ? `${group.speaker}, ${group.role}` : (group.speaker ?? '');
}
