import {canonicalStoryUrl} from '../net/canonical-url.js';
import {htmlToPlainText} from '../text/html-text.js';
import type {FeedItem, StoryFingerprint} from './item.js';

const leadWords = 25;
// Enough HTML for 25 words of text even under heavy markup, and enough text for them: a summary is rarely longer.
const leadHtmlLength = 2000;
const leadTextLength = 400;
// "Title - The Guardian", "Title | CNET", "Title – video": the outlet or the format, not the story.
const trailingLabel = /\s+[-|–—]\s+[^-|–—]{1,40}$/u;
const labelLength = 64;
// A headline is a line: past this it is not one, and its words would only weigh on every comparison.
const titleLength = 500;

export function storyFingerprint(item: Pick<FeedItem, 'title' | 'link' | 'summaryHtml' | 'contentHtml'>): StoryFingerprint {
	// The label is looked for in the headline's last characters only: the pattern on a megabyte of
	// spaces would try every one of them as its start.
	const cut = item.title.length > titleLength ? item.title.slice(0, titleLength) : item.title;
	const end = Math.max(0, cut.length - labelLength);
	const title = cut.slice(0, end) + cut.slice(end).replace(trailingLabel, (label) => (wordsOf(label).length <= 3 ? '' : label));
	const body = item.summaryHtml ?? item.contentHtml ?? '';
	const html = body.length > leadHtmlLength ? body.slice(0, leadHtmlLength) : body;
	// Only words are kept: a summary without markup or entities (most are) is its own text.
	const text = html.includes('<') || html.includes('&') ? htmlToPlainText(html) : html;
	const lead = wordsOf(text.length > leadTextLength ? text.slice(0, leadTextLength) : text).slice(0, leadWords);
	return {url: canonicalStoryUrl(item.link), text: `${wordsOf(title).join(' ')}\n${lead.join(' ')}`};
}

function wordsOf(text: string): string[] {
	// Plain ASCII needs no Unicode normalisation or classes (most headlines: that was most of the cost).
	if (!/[\u0080-\uFFFF]/.test(text)) return text.toLowerCase().match(/[a-z\d]+/g) ?? [];
	return (
		text
			.normalize('NFKC')
			.toLowerCase()
			.match(/[\p{L}\p{N}]+/gu) ?? []
	);
}

/** A fingerprint text's headline words. */
export function headlineWords(text: string): string[] {
	const newline = text.indexOf('\n');
	const title = newline === -1 ? text : text.slice(0, newline);
	return title ? title.split(' ').filter(Boolean) : [];
}

/** A fingerprint text's lead, its words joined by spaces ("" when it has none). */
export function leadOf(text: string): string {
	const newline = text.indexOf('\n');
	return newline === -1 ? '' : text.slice(newline + 1);
}

/** A fingerprint's text taken apart for comparing: headline words, and lead word triples made when first compared. */
export class StoryWords {
	readonly title: ReadonlySet<string>;
	private words: string[] | undefined;
	private triples: Set<string> | undefined;

	/** `isBoilerplate`, asked when the lead is first compared: the feed gives this lead to several items, so it is no evidence. */
	constructor(
		private readonly text: string,
		private readonly isBoilerplate: () => boolean = () => false,
	) {
		this.title = new Set(headlineWords(text));
	}

	get leadLength(): number {
		return this.leadWords().length;
	}

	get lead(): ReadonlySet<string> {
		if (!this.triples) {
			const words = this.leadWords();
			this.triples = new Set();
			for (let index = 0; index + 2 < words.length; index++) this.triples.add(`${words[index]} ${words[index + 1]} ${words[index + 2]}`);
		}

		return this.triples;
	}

	private leadWords(): string[] {
		if (!this.words) {
			const lead = this.isBoilerplate() ? '' : leadOf(this.text);
			this.words = lead ? lead.split(' ').filter(Boolean) : [];
		}

		return this.words;
	}
}

/** Headlines share this share of their words (Jaccard) … */
export const titleThreshold = 0.6;
/** … and the shorter lead has this share of its word triples in the other (a one-sentence lead is contained in the full one). */
export const leadThreshold = 0.5;
/** A lead of some length this much the same is the same copy under a headline the other desk rewrote. */
const sameCopyLead = 0.8;
const sameCopyLeadWords = 15;
const sameCopyTitle = 0.15;
/** Without a lead on both sides, only a near-identical headline of some length says "same story". */
const titleOnlyThreshold = 0.85;
const titleOnlyWords = 6;
// Below this many words a lead is a kicker ("Continue reading…"), not evidence.
const leadMinimumWords = 8;

/**
 * How alike two stories' words are, 0–1, with 0 when they are not alike enough to be one story:
 * the headline's Jaccard similarity, confirmed by the leads when both have one, or the same lead of
 * some length under a rewritten headline that still shares some of its words. A recurring title
 * ("Engagements", "Horse racing tips") or a follow-up ("… recovering after surgery") differs in its
 * lead; a syndicated copy re-titled "… - The Guardian" or with a dateline before its lead does not.
 */
export function storySimilarity(a: StoryWords, b: StoryWords): number {
	const title = jaccard(a.title, b.title);
	if (title < sameCopyTitle) return 0;
	if (a.leadLength >= leadMinimumWords && b.leadLength >= leadMinimumWords) {
		const lead = containment(a.lead, b.lead);
		const sameCopy = lead >= sameCopyLead && Math.min(a.leadLength, b.leadLength) >= sameCopyLeadWords;
		return sameCopy || (title >= titleThreshold && lead >= leadThreshold) ? (title + lead) / 2 : 0;
	}

	return title >= titleOnlyThreshold && Math.min(a.title.size, b.title.size) >= titleOnlyWords ? title : 0;
}

function jaccard(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
	const shared = sharedCount(a, b);
	return shared / (a.size + b.size - shared || 1);
}

function containment(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
	return sharedCount(a, b) / (Math.min(a.size, b.size) || 1);
}

function sharedCount(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
	const [small, large] = a.size <= b.size ? [a, b] : [b, a];
	let shared = 0;
	for (const word of small) if (large.has(word)) shared++;
	return shared;
}
