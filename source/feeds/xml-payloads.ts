/*
 * Full-text feeds are mostly article HTML inside a few elements (content:encoded, Atom content and
 * summary, description), as one CDATA section or as escaped text. rss-parser's XML tokenizer (sax)
 * walks every character of it one at a time, and that walk was most of a refresh's CPU. The bodies
 * that are plain text to XML are cut out before the parse (a short placeholder stays) and put back
 * into the fields afterwards: the parser still reads the whole structure, and the text it would
 * have produced is the same. Anything that is not plainly text (child elements, several sections,
 * an entity XML does not predefine, a DOCTYPE that could define one) is left for the parser.
 */

import {allowedInXml} from './xml-recovery.js';

const liftedElements = new Set(['content:encoded', 'content', 'description', 'summary']);
/** Shorter bodies cost sax less than the bookkeeping saves. */
const minimumLifted = 256;
// Private-use characters around a number of this parse's own: a feed cannot forge one (a character
// reference such as &#xE000; in a title is never read as a placeholder).
const open = '\uE000';
const close = '\uE001';
const tagName = /[A-Za-z_][\w.:-]*/y;
const attributes = /(?:\s+[A-Za-z_][\w.:-]*\s*=\s*(?:"[^"<]*"|'[^'<]*'))*\s*>/y;
const closingTagEnd = /\s*>/y;

export type LiftedXml = {
	/** The document with long text bodies replaced by placeholders. */
	readonly xml: string;
	/** Replaces, in `parsed` and everything in it, each placeholder by the text the XML parser would have given. */
	readonly restore: (parsed: unknown) => void;
};

/** Cuts the long plain-text bodies of feed elements out of `xml` (see the file's comment). */
export function liftPayloads(xml: string): LiftedXml {
	const payloads: string[] = [];
	if (xml.includes(open) || hasDoctype(xml)) return {xml, restore: () => undefined};
	const nonce = crypto.randomUUID().slice(0, 8);
	const parts: string[] = [];
	let copied = 0;
	let at = xml.indexOf('<');
	while (at !== -1) {
		if (xml.startsWith('<![CDATA[', at)) at = skipPast(xml, ']]>', at);
		else if (xml.startsWith('<!--', at)) at = skipPast(xml, '-->', at);
		else {
			const lifted = liftAt(xml, at);
			if (lifted) {
				parts.push(xml.slice(copied, lifted.start), `${open}${nonce}:${payloads.length}${close}`);
				payloads.push(lifted.text);
				copied = lifted.end;
				at = lifted.end;
			} else at++;
		}

		at = at === -1 ? -1 : xml.indexOf('<', at);
	}

	if (payloads.length === 0) return {xml, restore: () => undefined};
	parts.push(xml.slice(copied));
	const placeholder = new RegExp(`${open}${nonce}:(\\d+)${close}`, 'g');
	const restoreText = (text: string) => text.replace(placeholder, (_, index: string) => payloads[Number(index)]!);
	return {xml: parts.join(''), restore: (parsed) => restoreInPlace(parsed, restoreText)};
}

function skipPast(xml: string, end: string, from: number): number {
	const found = xml.indexOf(end, from);
	return found === -1 ? -1 : found + end.length;
}

/** At a `<`: when it opens a lifted element whose body is plain text, where that text lies and what it reads as. */
function liftAt(xml: string, at: number): {start: number; end: number; text: string} | undefined {
	tagName.lastIndex = at + 1;
	const name = tagName.exec(xml)?.[0];
	if (!name || !liftedElements.has(name)) return undefined;
	attributes.lastIndex = tagName.lastIndex;
	if (!attributes.exec(xml)) return undefined;
	const bodyStart = attributes.lastIndex;

	const firstTag = xml.indexOf('<', bodyStart);
	if (firstTag === -1) return undefined;
	// One CDATA section, maybe with white space around it: only its inside is replaced.
	if (xml.startsWith('<![CDATA[', firstTag) && /^\s*$/.test(xml.slice(bodyStart, firstTag))) {
		const textStart = firstTag + '<![CDATA['.length;
		const textEnd = xml.indexOf(']]>', textStart);
		if (textEnd === -1 || textEnd - textStart < minimumLifted) return undefined;
		const after = textEnd + 3;
		const closing = xml.indexOf('<', after);
		if (closing === -1 || !/^\s*$/.test(xml.slice(after, closing)) || !closesElement(xml, closing, name)) return undefined;
		return {start: firstTag, end: after, text: xml.slice(textStart, textEnd)};
	}

	// Escaped text: nothing but characters and the entities every XML parser knows.
	if (firstTag - bodyStart < minimumLifted || !closesElement(xml, firstTag, name)) return undefined;
	const text = unescapeXml(xml.slice(bodyStart, firstTag));
	// White space alone is no text to the parser (it drops it): left as it is.
	return text === undefined || !/\S/.test(text) ? undefined : {start: bodyStart, end: firstTag, text};
}

function closesElement(xml: string, at: number, name: string): boolean {
	if (!xml.startsWith(`</${name}`, at)) return false;
	closingTagEnd.lastIndex = at + 2 + name.length;
	return closingTagEnd.test(xml);
}

/** The text an XML parser reads from character data, or undefined when it holds anything but predefined and numeric entities. */
function unescapeXml(raw: string): string | undefined {
	let at = raw.indexOf('&');
	if (at === -1) return raw;
	let text = '';
	let copied = 0;
	while (at !== -1) {
		const end = raw.indexOf(';', at + 2);
		// A bare or unknown entity: the parser decides what it means (and may refuse it).
		const character = end === -1 || end - at > 10 ? undefined : entityText(raw.slice(at + 1, end));
		if (character === undefined) return undefined;
		text += raw.slice(copied, at) + character;
		copied = end + 1;
		at = raw.indexOf('&', copied);
	}

	return text + raw.slice(copied);
}

/** What `&name;` reads as, for XML's five names and character references. */
function entityText(name: string): string | undefined {
	switch (name) {
		case 'lt': {
			return '<';
		}

		case 'gt': {
			return '>';
		}

		case 'amp': {
			return '&';
		}

		case 'quot': {
			return '"';
		}

		case 'apos': {
			return "'";
		}

		default: {
			const digits = /^#(?:(\d{1,7})|[xX]([\dA-Fa-f]{1,6}))$/.exec(name);
			if (!digits) return undefined;
			const code = digits[1] ? Number(digits[1]) : Number.parseInt(digits[2]!, 16);
			return allowedInXml(code) ? String.fromCodePoint(code) : undefined;
		}
	}
}

/** Puts the texts back in place: the parser's result is ours, and copying it cost more than the parse saved. */
function restoreInPlace(value: unknown, restoreText: (text: string) => string): void {
	if (!value || typeof value !== 'object') return;
	const record = value as Record<string, unknown>;
	for (const key of Object.keys(record)) {
		const element = record[key];
		if (typeof element === 'string') {
			if (element.includes(open)) record[key] = restoreText(element);
		} else restoreInPlace(element, restoreText);
	}
}

/** A DOCTYPE can declare entities of its own; only the prolog may hold one. */
function hasDoctype(xml: string): boolean {
	const root = xml.search(/<[A-Za-z_]/);
	return /<!DOCTYPE/i.test(root === -1 ? xml : xml.slice(0, root));
}
