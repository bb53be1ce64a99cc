import Parser from 'rss-parser';
import {decodeHTML} from 'entities';
import {textOf, type RawEntry, type RawFeed} from './raw-entry.js';

/* Reads RSS 0.9x/1.0/2.0 and Atom with rss-parser's parseString (never parseURL: we fetch and decode ourselves). */

type XmlNode = Record<string, unknown> & {$?: Record<string, string>};
type ParserItem = Record<string, unknown>;

/** The parts of rss-parser we extend; its published types leave them out. */
type ParserInternals = {
	parseItemAtom(entry: XmlNode): ParserItem;
	parseItemRss(entry: XmlNode, fields: unknown): ParserItem;
	buildAtomFeed(xml: {feed: XmlNode}): ParserItem;
	buildRSS2(xml: {rss: XmlNode}): ParserItem;
	buildRSS1(xml: Record<string, XmlNode>): ParserItem;
	buildRSS0_9(xml: {rss: XmlNode}): ParserItem;
};

const extraFields = [
	['category', 'rawCategories', {keepArray: true}],
	['dc:date', 'rawDcDate'],
	['author', 'rawAuthor'],
] as const;

function createParser(): Parser & ParserInternals {
	const parser = new Parser({
		defaultRSS: 2,
		customFields: {item: extraFields as unknown as string[]},
	}) as unknown as Parser & ParserInternals;

	// rss-parser turns Atom dates into ISO strings and throws on an invalid one, losing the whole feed:
	// hide the dates from it and normalise them ourselves from the raw fields.
	const parseItemAtom = parser.parseItemAtom.bind(parser);
	parser.parseItemAtom = (entry) => {
		const {published: _published, updated: _updated, ...rest} = entry;
		const item = parseItemAtom(rest as XmlNode);
		item['rawBase'] = entry.$?.['xml:base'];
		item['rawLinks'] = entry['link'];
		item['rawPublished'] = entry['published'];
		item['rawUpdated'] = entry['updated'];
		return item;
	};

	const parseItemRss = parser.parseItemRss.bind(parser);
	parser.parseItemRss = (entry, fields) => {
		const item = parseItemRss(entry, fields);
		item['rawBase'] = entry.$?.['xml:base'];
		item['rawGuid'] = entry['guid'];
		return item;
	};

	const buildAtomFeed = parser.buildAtomFeed.bind(parser);
	parser.buildAtomFeed = (xml) => ({...buildAtomFeed(xml), rawBase: xml.feed.$?.['xml:base'], format: 'atom'});
	const buildRSS2 = parser.buildRSS2.bind(parser);
	parser.buildRSS2 = (xml) => ({...buildRSS2(xml), rawBase: channelBase(xml.rss), format: 'rss'});
	const buildRSS1 = parser.buildRSS1.bind(parser);
	parser.buildRSS1 = (xml) => ({...buildRSS1(xml), rawBase: xml['rdf:RDF']?.$?.['xml:base'], format: 'rdf'});
	const buildRSS09 = parser.buildRSS0_9.bind(parser);
	parser.buildRSS0_9 = (xml) => ({...buildRSS09(xml), rawBase: channelBase(xml.rss), format: 'rss'});
	return parser;
}

function channelBase(rss: XmlNode): string | undefined {
	const channel = (rss['channel'] as XmlNode[] | undefined)?.[0];
	return channel?.$?.['xml:base'] ?? rss.$?.['xml:base'];
}

export async function readXmlFeed(xml: string): Promise<RawFeed> {
	// A fresh parser each time: xml2js keeps state after an error that spoils the next parse.
	let feed: ParserItem;
	try {
		feed = (await createParser().parseString(xml)) as unknown as ParserItem;
	} catch (error) {
		// Real feeds carry bare ampersands and HTML entities that strict XML rejects: repair those once.
		const repaired = repairEntities(xml);
		if (repaired === xml) throw error;
		feed = (await createParser().parseString(repaired)) as unknown as ParserItem;
	}

	const items = (feed['items'] as ParserItem[] | undefined) ?? [];
	return {
		format: feed['format'] as RawFeed['format'],
		title: feed['title'],
		link: feed['link'],
		base: feed['rawBase'],
		description: feed['description'],
		language: feed['language'],
		entries: items.map((item) => toRawEntry(item, feed['format'] === 'atom')),
	};
}

function toRawEntry(item: ParserItem, atom: boolean): RawEntry {
	const contentEncoded = item['content:encoded'];
	return {
		guid: item['rawGuid'] ?? item['guid'] ?? item['id'],
		title: item['title'],
		link: atom ? atomAlternate(item['rawLinks']) : item['link'],
		base: item['rawBase'],
		published: textOf(item['rawPublished']) ?? item['pubDate'] ?? item['rawDcDate'] ?? textOf(item['rawUpdated']),
		author: item['creator'] ?? item['author'] ?? authorName(item['rawAuthor']),
		// Atom has summary and content. RSS has description (rss-parser's `content`) and content:encoded, the body.
		summary: atom ? item['summary'] : item['content'],
		content: atom ? item['content'] : contentEncoded,
		categories: item['rawCategories'] ?? item['categories'],
		enclosure: item['enclosure'],
	};
}

/** Atom's `rel="alternate"` (or rel-less) HTML link, else the first. */
function atomAlternate(links: unknown): string | undefined {
	if (!Array.isArray(links)) return textOf(links);
	const candidates = links as XmlNode[];
	const alternate =
		candidates.find((link) => (link.$?.['rel'] ?? 'alternate') === 'alternate' && /html|^$/.test(link.$?.['type'] ?? '')) ??
		candidates.find((link) => (link.$?.['rel'] ?? 'alternate') === 'alternate') ??
		candidates[0];
	return alternate?.$?.['href'];
}

function authorName(value: unknown): string | undefined {
	const author = Array.isArray(value) ? value[0] : value;
	if (author && typeof author === 'object' && 'name' in author) return textOf((author as {name: unknown}).name);
	return textOf(author);
}

const xmlEntities = new Set(['amp', 'lt', 'gt', 'quot', 'apos']);

function repairEntities(xml: string): string {
	return xml.replace(
		/&(?:([a-zA-Z][a-zA-Z0-9]*);|(#\d+;|#x[0-9a-fA-F]+;))?/g,
		(match, name: string | undefined, numeric: string | undefined) => {
			if (numeric) return match;
			if (name === undefined) return '&amp;';
			if (xmlEntities.has(name)) return match;
			const decoded = decodeHTML(match);
			return decoded === match ? `&amp;${name};` : [...decoded].map((char) => `&#${char.codePointAt(0)};`).join('');
		},
	);
}
