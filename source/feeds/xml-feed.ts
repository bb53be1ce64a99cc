import Parser from 'rss-parser';
import rssParserUtils from 'rss-parser/lib/utils.js';
import {textOf, type RawEntry, type RawFeed} from './raw-entry.js';
import {sanitizeTerminal} from '../text/sanitize.js';
import {liftPayloads} from './xml-payloads.js';
import {maxDepth, nestsTooDeep, repairEntities, scanFeedXml} from './xml-recovery.js';

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

// rss-parser makes a `contentSnippet` of every item with /<(?:.|\n)*?>/, which is quadratic in the
// number of "<" that close nothing: 200,000 escaped "&lt;" in one description took 47 s. Broadsheet
// never reads the snippet (it makes its own text in linear time), so it is not computed at all.
rssParserUtils.getSnippet = () => '';

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
		const item = parseItemAtom({...rest, ...withLinks(entry)} as XmlNode);
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
	parser.buildAtomFeed = (xml) => ({
		...buildAtomFeed({...xml, feed: {...xml.feed, ...withLinks(xml.feed)}}),
		rawBase: xml.feed.$?.['xml:base'],
		format: 'atom',
	});
	const buildRSS2 = parser.buildRSS2.bind(parser);
	parser.buildRSS2 = (xml) => ({...buildRSS2(xml), rawBase: channelBase(xml.rss), format: 'rss'});
	const buildRSS1 = parser.buildRSS1.bind(parser);
	parser.buildRSS1 = (xml) => ({...buildRSS1(xml), rawBase: xml['rdf:RDF']?.$?.['xml:base'], format: 'rdf'});
	const buildRSS09 = parser.buildRSS0_9.bind(parser);
	parser.buildRSS0_9 = (xml) => ({...buildRSS09(xml), rawBase: channelBase(xml.rss), format: 'rss'});
	return parser;
}

/** An Atom element's `<link>`s with attributes: rss-parser reads `link.$.rel` and throws on a bare `<link/>`. */
function withLinks(element: XmlNode): {link?: XmlNode[] | undefined} {
	if (!Array.isArray(element['link'])) return {};
	const links = (element['link'] as unknown[]).filter((link): link is XmlNode => typeof link === 'object' && link !== null && '$' in link);
	return {link: links.length > 0 ? links : undefined};
}

function channelBase(rss: XmlNode): string | undefined {
	const channel = (rss['channel'] as XmlNode[] | undefined)?.[0];
	return channel?.$?.['xml:base'] ?? rss.$?.['xml:base'];
}

/**
 * Reads feed XML strictly, and when that fails, through the lenient second pass: the repaired
 * document whole, else each entry on its own, so one broken entry costs only itself.
 * What was repaired or lost comes back in `warnings`; a document with no readable part still throws.
 */
export async function readXmlFeed(xml: string): Promise<RawFeed> {
	let strictError: unknown = new Error(`elements nested over ${maxDepth} deep`);
	if (!nestsTooDeep(xml)) {
		try {
			return toRawFeed(await parseXml(xml), []);
		} catch (error) {
			if (/not recognized as RSS/i.test(String(error))) throw error;
			strictError = error;
		}
	}

	// Bare ampersands and HTML entity names are the commonest fault, and repairing them loses nothing.
	const withEntities = repairEntities(xml);
	if (withEntities !== xml) {
		try {
			return toRawFeed(await parseXml(withEntities), []);
		} catch {
			// Broken in other ways too.
		}
	}

	const scanned = scanFeedXml(xml);
	const reason = `recovered from broken XML (${firstLine(strictError)})`;
	try {
		const whole = await parseXml(scanned.document);
		// Repairs that leave nothing to read (no title, no entry) recovered nothing: the document is broken.
		if (!whole['title'] && !(whole['items'] as unknown[] | undefined)?.length) throw strictError;
		return toRawFeed(whole, [`${reason}: ${scanned.repairs.join(', ')}`]);
	} catch {
		// Still refused as a whole: entry by entry.
	}

	const head = await parseXml(scanned.head).catch(() => undefined);
	const entries: ParserItem[] = [];
	for (const entry of scanned.entries) {
		const parsed = await parseXml(entry).catch(() => undefined);
		const item = (parsed?.['items'] as ParserItem[] | undefined)?.[0];
		if (item) entries.push(item);
	}

	if (entries.length === 0 && !head?.['title']) throw strictError;
	const lost = scanned.entries.length - entries.length;
	const feed = {...head, format: head?.['format'] ?? entries[0]?.['format'] ?? 'rss', items: entries};
	return toRawFeed(feed, [
		`${reason}: read entry by entry${lost > 0 ? `, ${lost} unreadable entr${lost === 1 ? 'y' : 'ies'} skipped` : ''}`,
	]);
}

/** A fresh parser each time: xml2js keeps state after an error that spoils the next parse. */
async function parseXml(xml: string): Promise<ParserItem> {
	const lifted = liftPayloads(xml);
	const parsed = (await createParser().parseString(lifted.xml)) as unknown as ParserItem;
	lifted.restore(parsed);
	return parsed;
}

function toRawFeed(feed: ParserItem, warnings: string[]): RawFeed {
	const items = (feed['items'] as ParserItem[] | undefined) ?? [];
	return {
		format: feed['format'] as RawFeed['format'],
		title: feed['title'],
		link: feed['link'],
		base: feed['rawBase'],
		description: feed['description'],
		language: feed['language'],
		entries: items.map((item) => toRawEntry(item, feed['format'] === 'atom')),
		warnings,
	};
}

/** The strict parser's complaint, which quotes the document: sanitised like everything else from a feed. */
function firstLine(error: unknown): string {
	return sanitizeTerminal((error instanceof Error ? error.message : String(error)).split('\n')[0]!, {maxLength: 120});
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
