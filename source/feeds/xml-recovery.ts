import {decodeHTML} from 'entities';

/*
 * The lenient second pass over feed XML that the strict parser refused, in the spirit of
 * feedparser's "bozo" feeds: one bad element may cost its entry, never the feed's good ones.
 * A single linear scan (every search moves forward; no regular expression backtracks over the
 * document) repairs what can be repaired and cuts the document into its entries:
 *   - characters XML 1.0 forbids (C0 controls, U+FFFE/FFFF, lone surrogates) are dropped;
 *   - bare ampersands and HTML entity names become XML;
 *   - markup nested deeper than `maxDepth` becomes text (xml2js and rss-parser recurse on depth);
 *   - a `<` that opens no tag becomes `&lt;`; end tags close what they skipped, strays are dropped;
 *   - a truncated document loses its unfinished entry and is closed; trailing garbage is cut.
 */

export const maxDepth = 200;

/** What a strict parse of the repaired text, or of each entry alone, works from. */
export type ScannedFeed = {
	/** The whole repaired document, well-formed as far as tags go. */
	readonly document: string;
	/** The document up to its first entry, closed: the feed's own metadata. */
	readonly head: string;
	/** Each complete entry, wrapped in the elements that enclosed it, to be parsed alone. */
	readonly entries: readonly string[];
	/** What was repaired, for the warning recorded on the feed. */
	readonly repairs: readonly string[];
};

type Open = {readonly name: string; readonly tag: string};

export function scanFeedXml(xml: string): ScannedFeed {
	const repairs = new Set<string>();
	let removed = 0;
	const text = xml.replace(invalidXmlCharacters, () => {
		removed++;
		return '';
	});
	if (removed > 0) repairs.add(`removed ${removed} character${removed === 1 ? '' : 's'} XML does not allow`);

	// The repaired text in pieces, joined once at the end: appending to one string made a rope the
	// collector spent most of the time on. `written` is the joined length so far.
	const pieces: string[] = [];
	let written = 0;
	const emit = (piece: string) => {
		pieces.push(piece);
		written += piece.length;
	};
	const stack: Open[] = [];
	let overflow = 0;
	let entry: {start: number; piece: number; depth: number; shell: Open[]} | undefined;
	const entries: Array<{start: number; end: number; shell: Open[]}> = [];
	let rootClosed = false;
	let index = 0;
	const length = text.length;

	const emitText = (segment: string) => {
		const repaired = repairEntities(segment);
		if (repaired !== segment) repairs.add('escaped stray ampersands and HTML entities');
		emit(repaired);
	};

	const closeTo = (depth: number) => {
		while (stack.length > depth) emit(`</${stack.pop()!.name}>`);
	};

	const dropEntry = () => {
		pieces.length = entry!.piece;
		written = entry!.start;
		stack.length = entry!.depth;
		entry = undefined;
	};

	scan: while (index < length) {
		const open = text.indexOf('<', index);
		if (open === -1) {
			emitText(text.slice(index));
			break;
		}

		emitText(text.slice(index, open));
		// Comments, CDATA, processing instructions and declarations pass through whole.
		const next = text.charCodeAt(open + 1);
		if (next === 0x21 || next === 0x3f) {
			for (const [start, end] of markupSections) {
				if (!text.startsWith(start, open)) continue;
				const close = text.indexOf(end, open + start.length);
				if (close === -1) break scan;
				emit(text.slice(open, close + end.length));
				index = close + end.length;
				continue scan;
			}
		}

		const close = tagEnd(text, open + 1);
		if (close === -1) break; // Truncated inside a tag.
		const nameStart = next === 0x2f ? open + 2 : open + 1;
		if (close === -2 || !startsName(text.charCodeAt(nameStart))) {
			// A "<" that opens no tag ("a < b", "<<<<"): it was meant as text.
			repairs.add('escaped "<" that opened no tag');
			emit('&lt;');
			index = open + 1;
			continue;
		}

		const tag = repairEntities(text.slice(open, close + 1));
		index = close + 1;
		const name = tagName(tag, nameStart - open);
		if (tag.startsWith('</')) {
			if (overflow > 0) {
				overflow--;
				emit(escapeTag(tag));
				continue;
			}

			const depth = stack.findLastIndex((element) => element.name === name);
			if (depth === -1) {
				repairs.add('dropped end tags that closed nothing');
				continue;
			}

			if (depth < stack.length - 1) repairs.add('closed elements left open');
			if (entry && depth < entry.depth) {
				// An element enclosing the entry closed before it did: the entry is unfinished.
				dropEntry();
				repairs.add('dropped an unfinished entry');
			}

			closeTo(depth + 1);

			emit(tag);
			stack.pop();
			if (entry && stack.length === entry.depth) {
				entries.push({start: entry.start, end: written, shell: entry.shell});
				entry = undefined;
			}

			if (stack.length === 0) {
				rootClosed = true;
				if (text.slice(index).trim()) repairs.add('cut what followed the end of the document');
				break;
			}

			continue;
		}

		const selfClosing = tag.endsWith('/>');
		if (overflow > 0 || (!selfClosing && stack.length >= maxDepth)) {
			if (!selfClosing) overflow++;
			repairs.add(`flattened markup nested over ${maxDepth} deep`);
			emit(escapeTag(tag));
			continue;
		}

		if (!selfClosing && isEntry(name)) {
			// An entry opens where entries live (in the channel, feed or RDF root): whatever is still open
			// inside that (an unclosed <link>, the entry before it) was left open by mistake, so it closes here.
			const container = entryContainer(stack);
			if (container >= 0 && stack.length > container + 1) {
				repairs.add('closed elements left open before an entry');
				closeTo(container + 1);
				if (entry && stack.length <= entry.depth) {
					entries.push({start: entry.start, end: written, shell: entry.shell});
					entry = undefined;
				}
			}

			if (!entry && stack.length <= 3) entry = {start: written, piece: pieces.length, depth: stack.length, shell: [...stack]};
		}

		emit(tag);
		if (!selfClosing) stack.push({name, tag});
	}

	if (!rootClosed) {
		repairs.add('closed a truncated document');
		if (entry) dropEntry();
		closeTo(0);
	}

	const output = pieces.join('');
	const firstEntry = entries[0];
	return {
		document: output,
		head: firstEntry ? output.slice(0, firstEntry.start) + closing(firstEntry.shell) : output,
		entries: entries.map(({start, end, shell}) => shell.map((element) => element.tag).join('') + output.slice(start, end) + closing(shell)),
		repairs: [...repairs],
	};
}

/**
 * Whether elements nest deeper than the lenient pass allows, counted the way XML nests them (comments,
 * CDATA and processing instructions skipped, `<x/>` closing itself). Such a document would only
 * make the strict parser build a chain of 300,000 objects before failing, so it goes straight to the scan.
 * Stops as soon as it knows; a few milliseconds per megabyte otherwise.
 */
export function nestsTooDeep(xml: string): boolean {
	let depth = 0;
	for (let open = xml.indexOf('<'); open !== -1; open = xml.indexOf('<', open + 1)) {
		const next = xml.charCodeAt(open + 1);
		if (next === 0x2f) {
			depth--;
			continue;
		}

		if (next === 0x21 || next === 0x3f) {
			const end = xml.startsWith('<![CDATA[', open) ? ']]>' : xml.startsWith('<!--', open) ? '-->' : '>';
			const close = xml.indexOf(end, open + 2);
			if (close === -1) return false;
			open = close;
			continue;
		}

		const close = xml.indexOf('>', open);
		if (close === -1) return false;
		if (xml.charCodeAt(close - 1) !== 0x2f && ++depth > maxDepth) return true;
		open = close;
	}

	return false;
}

// eslint-disable-next-line no-control-regex
const invalidXmlCharacters = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|\p{Cs}/gu;

const markupSections: ReadonlyArray<readonly [string, string]> = [
	['<!--', '-->'],
	['<![CDATA[', ']]>'],
	['<?', '?>'],
	['<!DOCTYPE', '>'],
	['<!doctype', '>'],
];

/**
 * Where the tag starting before `from` ends (its ">"), honouring quoted attribute values;
 * -1 when the text ends first, -2 when another "<" comes first (XML allows none inside a tag).
 */
function tagEnd(text: string, from: number): number {
	let quote: string | undefined;
	for (let index = from; index < text.length; index++) {
		const char = text[index]!;
		if (char === '<') return -2;
		if (quote) {
			if (char === quote) quote = undefined;
		} else if (char === '"' || char === "'") quote = char;
		else if (char === '>') return index;
	}

	return -1;
}

/** Where in the open elements entries belong: the channel (RSS), the feed (Atom), else the root (RDF); -1 if none. */
function entryContainer(stack: readonly Open[]): number {
	const index = stack.findLastIndex((element) => ['channel', 'feed'].includes(localName(element.name)));
	if (index >= 0) return stack[index]!.name.endsWith('channel') && localName(stack[0]!.name) === 'RDF' ? 0 : index;
	return stack.length > 0 && localName(stack[0]!.name) === 'RDF' ? 0 : -1;
}

function localName(name: string): string {
	return name.slice(name.indexOf(':') + 1);
}

/** XML names start with a letter or "_" (and ":", rare enough to leave out here). */
function startsName(code: number): boolean {
	return (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a) || code === 0x5f || code > 0x7f;
}

/** The element name of a tag, from `from` up to white space, "/" or ">". */
function tagName(tag: string, from: number): string {
	let end = from;
	for (; end < tag.length; end++) {
		const code = tag.charCodeAt(end);
		if (code === 0x3e || code === 0x2f || code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0d) break;
	}

	return tag.slice(from, end);
}

function isEntry(name: string): boolean {
	const local = name.slice(name.indexOf(':') + 1);
	return local === 'item' || local === 'entry';
}

function closing(shell: readonly Open[]): string {
	return shell
		.map((element) => `</${element.name}>`)
		.reverse()
		.join('');
}

/** A tag as text: its "<" escaped (and any "&" in it); ">" may stand in XML text as it is. */
function escapeTag(tag: string): string {
	return `&lt;${tag.slice(1).replaceAll('&', '&amp;')}`;
}

const xmlEntities = new Set(['amp', 'lt', 'gt', 'quot', 'apos']);

/** Real feeds carry bare ampersands and HTML entity names that strict XML rejects: make them XML. */
export function repairEntities(xml: string): string {
	let from = xml.indexOf('&');
	if (from === -1) return xml;
	// One forward pass from "&" to "&", each reference read with a sticky pattern where it stands:
	// a global replace with a callback per match took over a second on a megabyte of "&".
	const pieces: string[] = [];
	let copied = 0;
	for (; from !== -1; from = xml.indexOf('&', from + 1)) {
		reference.lastIndex = from + 1;
		const match = reference.exec(xml);
		const replacement = match ? repairedReference(match) : '&amp;';
		if (replacement === undefined) {
			from = reference.lastIndex - 1;
			continue;
		}

		pieces.push(xml.slice(copied, from), replacement);
		copied = match ? reference.lastIndex : from + 1;
		if (match) from = reference.lastIndex - 1;
	}

	if (pieces.length === 0) return xml;
	pieces.push(xml.slice(copied));
	return pieces.join('');
}

const reference = /([a-zA-Z][a-zA-Z0-9]{0,31});|#(\d{1,8});|#x([0-9a-fA-F]{1,8});/y;

/** What a reference becomes in XML, or undefined when it is fine as it stands. */
function repairedReference([whole, name, decimal, hex]: RegExpExecArray): string | undefined {
	if (name === undefined) return allowedInXml(decimal === undefined ? Number.parseInt(hex!, 16) : Number(decimal)) ? undefined : '';
	if (xmlEntities.has(name)) return undefined;
	const decoded = decodeHTML(`&${whole}`);
	return decoded === `&${whole}` ? `&amp;${whole}` : [...decoded].map((char) => `&#${char.codePointAt(0)};`).join('');
}

/** XML 1.0's Char production: a reference to anything else (`&#0;`, `&#x1B;`) is an error. */
export function allowedInXml(code: number): boolean {
	return (
		code === 0x9 ||
		code === 0xa ||
		code === 0xd ||
		(code >= 0x20 && code <= 0xd7_ff) ||
		(code >= 0xe0_00 && code <= 0xff_fd) ||
		(code >= 0x1_00_00 && code <= 0x10_ff_ff)
	);
}
