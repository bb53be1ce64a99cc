import type {ArticleDocument, Block, Span} from '../articles/document.js';
import {articleMetaLine} from './article-meta.js';
import {sanitizeTerminal} from '../text/sanitize.js';
import {displayWidth, graphemes, truncateToWidth} from '../text/wrap.js';

/*
 * Lays an article document out as terminal lines for one width, once; the reader then only
 * slices the visible window. Lines carry meaning (quote, link, heading…), not colours: the UI
 * maps roles to its theme.
 */

export type Role =
	'title' | 'meta' | 'standfirst' | 'caption' | 'body' | 'heading' | 'blockquote' | 'code' | 'related' | 'source' | 'notice' | 'section';

export type LineSegment = {
	readonly text: string;
	readonly role: Role;
	readonly strong?: boolean;
	readonly emphasis?: boolean;
	readonly code?: boolean;
	/** The quotation's number in the document (Span.quote): highlighted, and where Key quotes jumps to. */
	readonly quote?: number;
	/** The link's number in the document. */
	readonly link?: number;
	/** Which appearance of a link (a focus stop) this segment belongs to. */
	readonly stop?: number;
	/** The "[n]" after a link. */
	readonly marker?: boolean;
};

export type Line = {readonly segments: readonly LineSegment[]; readonly indent: number};

/**
 * A place Tab can focus: one appearance of a link, in reading order. `itemId`: the link opens that
 * stored item (another feed's copy of the story), whose `href` may be empty.
 */
export type LinkStop = {
	readonly link: number;
	readonly href: string;
	readonly firstLine: number;
	readonly lastLine: number;
	readonly itemId?: number;
};

/** Another feed carrying the same story, named under the article's meta line ("Also in: BBC World [12]"). */
export type AlsoIn = {readonly feed: string; readonly href: string | null; readonly itemId: number};

export type ArticleLayout = {
	readonly lines: readonly Line[];
	readonly stops: readonly LinkStop[];
	readonly width: number;
	/** Each quotation's number → the first line it is on. */
	readonly quoteLines: ReadonlyMap<number, number>;
};

/** The reading measure: wide terminals get a comfortable column, centred by the view. */
export const maxMeasure = 88;

type Style = Omit<LineSegment, 'text'>;
type Token = {pieces: LineSegment[]; width: number};

export function layoutArticle(document: ArticleDocument, terminalWidth: number, alsoIn: readonly AlsoIn[] = []): ArticleLayout {
	const width = Math.max(20, Math.min(maxMeasure, terminalWidth));
	const lines: Line[] = [];
	const stops: LinkStop[] = [];
	const hrefs = new Map(document.links.map((link) => [link.number, link.href]));
	// The copies' links are numbered after the document's own.
	const lastLink = document.links.reduce((last, link) => Math.max(last, link.number), 0);
	alsoIn.forEach((copy, index) => hrefs.set(lastLink + 1 + index, copy.href ?? ''));
	const blank = () => {
		if (lines.length > 0 && lines.at(-1)!.segments.length > 0) lines.push({segments: [], indent: 0});
	};

	const flow = (spans: readonly Span[], base: Style, indent = 0, prefix?: LineSegment) => {
		const tokens = tokenize(spans, base, stops, hrefs);
		const first = lines.length;
		wrapTokens(tokens, width - indent, prefix).forEach((segments) => lines.push({segments, indent}));
		// Stops were numbered before wrapping: now that lines exist, record where each one landed.
		for (let line = first; line < lines.length; line++) {
			for (const segment of lines[line]!.segments) {
				if (segment.stop === undefined) continue;
				const stop = stops[segment.stop]!;
				stops[segment.stop] = {
					...stop,
					firstLine: Math.min(stop.firstLine, line),
					lastLine: Math.max(stop.lastLine === -1 ? line : stop.lastLine, line),
				};
			}
		}
	};

	const plain = (text: string, role: Role, extra: Style = {role}) => flow([{text: sanitizeTerminal(text)}], {...extra, role});

	if (document.extractedFrom === 'feed') {
		plain('The page could not be read: this is the feed’s own text.', 'notice');
		blank();
	}

	plain(document.title, 'title', {role: 'title', strong: true});
	blank();
	plain(articleMetaLine(document), 'meta');
	if (alsoIn.length > 0) {
		const first = stops.length;
		flow(
			[
				{text: 'Also in: '},
				...alsoIn.flatMap((copy, index) => [
					...(index > 0 ? [{text: ', '}] : []),
					{text: sanitizeTerminal(copy.feed, {maxLength: 200}) || 'another feed', link: lastLink + 1 + index},
				]),
			],
			{role: 'meta'},
		);
		alsoIn.forEach((copy, index) => {
			stops[first + index] = {...stops[first + index]!, itemId: copy.itemId};
		});
	}

	if (document.standfirst) {
		blank();
		plain(document.standfirst, 'standfirst', {role: 'standfirst', emphasis: true});
	}

	if (document.image?.caption) {
		blank();
		plain(document.image.caption, 'caption');
	}

	const block = (entry: Block, indent = 0) => {
		switch (entry.type) {
			case 'paragraph': {
				flow(entry.spans, {role: indent > 0 ? 'blockquote' : 'body'}, indent);
				break;
			}

			case 'heading': {
				flow(entry.spans, {role: 'heading', strong: true}, indent);
				break;
			}

			case 'caption': {
				flow(entry.spans, {role: 'caption'}, indent);
				break;
			}

			case 'blockquote': {
				entry.blocks.forEach((inner, index) => {
					if (index > 0) blank();
					block(inner, indent + 2);
				});
				break;
			}

			case 'list': {
				entry.items.forEach((item, index) => {
					const bullet = entry.ordered ? `${index + 1}. ` : '• ';
					flow(item.spans, {role: 'body'}, indent + item.depth * 2, {text: bullet, role: 'body'});
				});
				break;
			}

			case 'preformatted': {
				for (const text of sanitizeTerminal(entry.text, {keepNewlines: true}).split('\n')) {
					lines.push({segments: [{text: truncateToWidth(text, width - indent), role: 'code', code: true}], indent});
				}

				break;
			}

			case 'related': {
				const label = entry.label && entry.text.startsWith(entry.label) ? entry.label : '';
				const spans: Span[] = label
					? [
							{text: label, strong: true, link: entry.link},
							{text: entry.text.slice(label.length), link: entry.link},
						]
					: [{text: entry.text, link: entry.link}];
				flow(spans, {role: 'related'}, indent, {text: '→ ', role: 'related'});
				break;
			}
		}
	};

	for (const entry of document.blocks) {
		blank();
		block(entry);
	}

	if (document.source) {
		blank();
		plain(`Source: ${document.source}`, 'source');
	}

	const related = document.blocks.filter((entry) => entry.type === 'related');
	if (related.length > 0) {
		blank();
		plain('Related stories', 'section', {role: 'section', strong: true});
		for (const entry of related) block(entry);
	}

	const quoteLines = new Map<number, number>();
	lines.forEach((line, index) => {
		for (const segment of line.segments)
			if (segment.quote !== undefined && !quoteLines.has(segment.quote)) quoteLines.set(segment.quote, index);
	});
	return {lines, stops, width, quoteLines};
}

/** Spans → words with their styles; a link ends with its " [n]" marker word. */
function tokenize(spans: readonly Span[], base: Style, stops: LinkStop[], hrefs: ReadonlyMap<number, string>): Token[] {
	const tokens: Token[] = [];
	let current: Token | undefined;
	const push = (segment: LineSegment) => {
		current ??= {pieces: [], width: 0};
		const last = current.pieces.at(-1);
		if (last && sameStyle(last, segment)) current.pieces[current.pieces.length - 1] = {...last, text: last.text + segment.text};
		else current.pieces.push(segment);
		current.width += displayWidth(segment.text);
	};

	const end = () => {
		if (current) tokens.push(current);
		current = undefined;
	};

	for (let index = 0; index < spans.length; index++) {
		const span = spans[index]!;
		let stop: number | undefined;
		if (span.link !== undefined && spans[index - 1]?.link !== span.link) {
			stops.push({link: span.link, href: hrefs.get(span.link) ?? '', firstLine: Number.POSITIVE_INFINITY, lastLine: -1});
		}

		if (span.link !== undefined) stop = stops.length - 1;
		const style: Style = {
			...base,
			...(span.strong ? {strong: true} : {}),
			...(span.emphasis ? {emphasis: true} : {}),
			...(span.code ? {code: true} : {}),
			...(span.quote === undefined ? {} : {quote: span.quote}),
			...(span.link === undefined ? {} : {link: span.link, stop}),
		};
		const text = span.text.replace(/\s+/g, (run) => (run.includes('\n') ? '\n' : ' '));
		const parts = text.split(/( |\n)/);
		for (const part of parts) {
			if (part === ' ') end();
			else if (part === '\n') {
				end();
				tokens.push({pieces: [], width: -1});
			} else if (part) push({text: part, ...style});
		}

		// The link's number after its last word, as a word of its own: "Rex Tillerson [1] said".
		if (span.link !== undefined && spans[index + 1]?.link !== span.link) {
			end();
			push({text: `[${span.link}]`, role: base.role, marker: true, link: span.link, stop});
			const next = spans[index + 1]?.text;
			if (next === undefined || /^\s/.test(next)) end();
		}
	}

	end();
	return tokens;
}

/** Greedy word wrap by display width; a token wider than the line is cut between graphemes. */
function wrapTokens(tokens: readonly Token[], width: number, prefix?: LineSegment): LineSegment[][] {
	const lines: LineSegment[][] = [];
	const prefixWidth = prefix ? displayWidth(prefix.text) : 0;
	let line: LineSegment[] = prefix ? [prefix] : [];
	let lineWidth = prefixWidth;
	const newLine = () => {
		lines.push(line);
		line = prefix ? [{...prefix, text: ' '.repeat(prefixWidth)}] : [];
		lineWidth = prefixWidth;
	};

	for (const token of tokens) {
		if (token.width === -1) {
			newLine();
			continue;
		}

		const needsSpace = lineWidth > prefixWidth;
		if (needsSpace && lineWidth + 1 + token.width > width) newLine();
		if (lineWidth > prefixWidth) {
			line.push(spaceBetween(line.at(-1)!, token.pieces[0]));
			lineWidth++;
		}

		if (token.width <= width - prefixWidth) {
			line.push(...token.pieces);
			lineWidth += token.width;
			continue;
		}

		for (const piece of token.pieces) {
			for (const segment of graphemes(piece.text)) {
				const segmentWidth = displayWidth(segment);
				if (lineWidth + segmentWidth > width) newLine();
				line.push({...piece, text: segment});
				lineWidth += segmentWidth;
			}
		}
	}

	if (line.length > (prefix ? 1 : 0) || lines.length === 0) lines.push(line);
	return lines.map((segments) => mergeSegments(segments));
}

/** The space between two words belongs to a link or quotation that runs across it, so highlights have no gaps. */
function spaceBetween(before: LineSegment, after: LineSegment | undefined): LineSegment {
	if (after && before.stop !== undefined && before.stop === after.stop) {
		// Inside a link it is part of the link; before the "[n]" marker it is part of the marker.
		const {marker: _marker, strong: _strong, ...style} = after.marker ? before : after;
		return after.marker ? {...style, text: ' ', marker: true} : {...style, text: ' '};
	}

	return {text: ' ', role: before.role, ...(before.quote !== undefined && before.quote === after?.quote ? {quote: before.quote} : {})};
}

function mergeSegments(segments: readonly LineSegment[]): LineSegment[] {
	const out: LineSegment[] = [];
	for (const segment of segments) {
		const last = out.at(-1);
		if (last && sameStyle(last, segment)) out[out.length - 1] = {...last, text: last.text + segment.text};
		else out.push(segment);
	}

	return out;
}

function sameStyle(a: LineSegment, b: LineSegment): boolean {
	return (
		a.role === b.role &&
		a.strong === b.strong &&
		a.emphasis === b.emphasis &&
		a.code === b.code &&
		a.quote === b.quote &&
		a.link === b.link &&
		a.stop === b.stop &&
		a.marker === b.marker
	);
}
