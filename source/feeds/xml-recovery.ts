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

const maxDepth = 200;

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

	let output = '';
	const stack: Open[] = [];
	let overflow = 0;
	let entry: {start: number; depth: number; shell: Open[]} | undefined;
	const entries: Array<{start: number; end: number; shell: Open[]}> = [];
	let rootClosed = false;
	let index = 0;
	const length = text.length;

	const emitText = (segment: string) => {
		const repaired = repairEntities(segment);
		if (repaired !== segment) repairs.add('escaped stray ampersands and HTML entities');
		output += repaired;
	};

	const closeTo = (depth: number) => {
		while (stack.length > depth) output += `</${stack.pop()!.name}>`;
	};

	const dropEntry = () => {
		output = output.slice(0, entry!.start);
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
		for (const [start, end] of markupSections) {
			if (!text.startsWith(start, open)) continue;
			const close = text.indexOf(end, open + start.length);
			if (close === -1) break scan;
			output += text.slice(open, close + end.length);
			index = close + end.length;
			continue scan;
		}

		const close = tagEnd(text, open + 1);
		if (close === -1) break; // Truncated inside a tag.
		if (close === -2 || !/^<\/?[A-Za-z_][\w.:-]*/.test(text.slice(open, open + 80))) {
			// A "<" that opens no tag ("a < b", "<<<<"): it was meant as text.
			repairs.add('escaped "<" that opened no tag');
			output += '&lt;';
			index = open + 1;
			continue;
		}

		const tag = repairEntities(text.slice(open, close + 1));
		index = close + 1;
		const name = /^<\/?([^\s/>]+)/.exec(tag)![1]!;
		if (tag.startsWith('</')) {
			if (overflow > 0) {
				overflow--;
				output += escapeTag(tag);
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

			output += tag;
			stack.pop();
			if (entry && stack.length === entry.depth) {
				entries.push({start: entry.start, end: output.length, shell: entry.shell});
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
			output += escapeTag(tag);
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
					entries.push({start: entry.start, end: output.length, shell: entry.shell});
					entry = undefined;
				}
			}

			if (!entry && stack.length <= 3) entry = {start: output.length, depth: stack.length, shell: [...stack]};
		}

		output += tag;
		if (!selfClosing) stack.push({name, tag});
	}

	if (!rootClosed) {
		repairs.add('closed a truncated document');
		if (entry) dropEntry();
		closeTo(0);
	}

	const firstEntry = entries[0];
	return {
		document: output,
		head: firstEntry ? output.slice(0, firstEntry.start) + closing(firstEntry.shell) : output,
		entries: entries.map(({start, end, shell}) => shell.map((element) => element.tag).join('') + output.slice(start, end) + closing(shell)),
		repairs: [...repairs],
	};
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

function escapeTag(tag: string): string {
	return tag.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
}

const xmlEntities = new Set(['amp', 'lt', 'gt', 'quot', 'apos']);

/** Real feeds carry bare ampersands and HTML entity names that strict XML rejects: make them XML. */
export function repairEntities(xml: string): string {
	if (!xml.includes('&')) return xml;
	return xml.replace(
		/&(?:([a-zA-Z][a-zA-Z0-9]{0,31});|(#\d{1,8};|#x[0-9a-fA-F]{1,8};))?/g,
		(match, name: string | undefined, numeric: string | undefined) => {
			if (numeric)
				return allowedInXml(
					Number.parseInt(numeric.startsWith('#x') ? numeric.slice(2) : numeric.slice(1), numeric.startsWith('#x') ? 16 : 10),
				)
					? match
					: '';
			if (name === undefined) return '&amp;';
			if (xmlEntities.has(name)) return match;
			const decoded = decodeHTML(match);
			return decoded === match ? `&amp;${name};` : [...decoded].map((char) => `&#${char.codePointAt(0)};`).join('');
		},
	);
}

/** XML 1.0's Char production: a reference to anything else (`&#0;`, `&#x1B;`) is an error. */
function allowedInXml(code: number): boolean {
	return (
		code === 0x9 ||
		code === 0xa ||
		code === 0xd ||
		(code >= 0x20 && code <= 0xd7_ff) ||
		(code >= 0xe0_00 && code <= 0xff_fd) ||
		(code >= 0x1_00_00 && code <= 0x10_ff_ff)
	);
}
