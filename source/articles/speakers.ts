import type {ArticleDocument, Block, Span} from './document.js';

/** Who said a quotation of the article: the person's fullest name in it and, where it says, their role; null where it names no one. */
export type QuoteAttribution = {
	/** The quotation's number (Span.quote). */
	readonly quote: number;
	readonly text: string;
	readonly speaker: string | null;
	readonly role: string | null;
};

/*
 * Rules from the quote-attribution literature (and what news copy does): `“…,” X said`, `“…,” said X`,
 * `X said: “…”`, `X told reporters “…”`, reported speech with a scare quote (`X said that … “…”`),
 * a quotation split around its attribution or continued in the next sentence or paragraph (the last
 * speaker), `according to X`, and he/she as the last speaker (else the last person named). A
 * crosshead quoting words quoted again below takes that quotation's speaker.
 */

const speechVerbs = [
	'said',
	'says',
	'say',
	'told',
	'tells',
	'added',
	'adds',
	'warned',
	'warns',
	'insisted',
	'insists',
	'wrote',
	'writes',
	'tweeted',
	'tweets',
	'posted',
	'stated',
	'states',
	'explained',
	'explains',
	'asked',
	'asks',
	'replied',
	'replies',
	'argued',
	'argues',
	'noted',
	'notes',
	'claimed',
	'claims',
	'declared',
	'declares',
	'announced',
	'announces',
	'acknowledged',
	'admitted',
	'admits',
	'continued',
	'concluded',
	'urged',
	'urges',
	'stressed',
	'stresses',
	'emphasised',
	'emphasized',
	'recalled',
	'suggested',
	'suggests',
	'confirmed',
	'confirms',
	'denied',
	'denies',
	'predicted',
	'predicts',
	'cautioned',
	'remarked',
	'responded',
	'responds',
	'observed',
	'indicated',
	'indicates',
	'estimated',
	'estimates',
	'admit',
	'called',
	'calls',
	'described',
	'describes',
	'believes',
	'thinks',
	'thought',
	'testified',
	'conceded',
	'agreed',
	'agrees',
	'joked',
	'quipped',
	'shouted',
	'whispered',
	// German, French, Spanish, Italian, Portuguese, Dutch: the corpus has them.
	'sagte',
	'sagt',
	'erklärte',
	'erklärt',
	'betonte',
	'betont',
	'meinte',
	'schrieb',
	'déclare',
	'déclaré',
	'affirme',
	'affirmé',
	'explique',
	'expliqué',
	'ajoute',
	'ajouté',
	'dijo',
	'dice',
	'afirmó',
	'explicó',
	'aseguró',
	'señaló',
	'añadió',
	'detto',
	'dichiarato',
	'spiegato',
	'afferma',
	'disse',
	'afirmou',
	'explicou',
	'zei',
	'zegt',
	'aldus',
];
const verb = `(?:${speechVerbs.join('|')})`;
/** ", prosecuting,", ", the Labour MP for Newcastle Central, who backs the report,": between a name and its verb. */
const apposition = String.raw`(?:(?:,\s+[^,\u2060]{1,80}){1,2},)?`;
/** Words between a subject and its speech verb: "had also told", "was reportedly". */
const auxiliaries = String.raw`(?:(?:had|has|have|also|then|later|again|once|previously|further|reportedly|would|will|was|is)\s+)*`;
const according = '(?:according to|selon|según|secondo|segundo|laut|volgens)';
const titles =
	/^(?:Mr|Mrs|Ms|Miss|Dr|Prof|Professor|Sir|Dame|Lord|Lady|Honour|Honor|Excellency|Sen|Senator|Rep|Gov|Governor|President|Premier|Chancellor|Minister|Judge|Justice|General|Gen|Col|Capt|Father|Rabbi|Imam|Sheikh|King|Queen|Prince|Princess|Pope|Mayor|Herr|Frau|Madame|Monsieur|Señor|Señora)\.?$/;
// Capitalised words that begin sentences or name places, days and offices rather than people.
const notNames = new Set(
	'The A An In On At But And Or If It Its This That These Those He She They We I You His Her Their Our My Your When While After Before As For From With Without By Of To Is Was Are Were Be Has Have Had Do Does Did Not No Yes So Then There Here What Who Why How Where Which Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June July August September October November December US UK EU UN Mr Mrs Ms Dr OPINION WATCH READ MORE Read More Watch Opinion Source Photo File'.split(
		' ',
	),
);
const roleWords =
	/\b(?:Minister|Secretary|President|Chancellor|Premier|Prime|Spokes(?:man|woman|person)|Director|Chief|Head|Leader|Chair(?:man|woman)?|Senator|Governor|Mayor|Ambassador|Envoy|Commissioner|General|Officer|CEO|Founder|Professor|Judge|Attorney|Adviser|Advisor|Editor|Coach|Captain|Manager|Analyst|Economist|Spokesperson|King|Queen|MP|MEP|MSP|Congressman|Congresswoman|Lawmaker|lawmaker|councillor|councilor|minister|secretary|president|spokes(?:man|woman|person)|director|chief|leader|chairman|senator|governor|mayor|ambassador|adviser|advisor|professor|analyst|economist|editor|coach|manager|founder|official)\b/;

// Words that qualify an office ("Secretary of State", "Deputy Foreign Minister"), never the start of a name.
const officeWords =
	/^(?:State|Foreign|Defence|Defense|Interior|Finance|Home|Justice|Health|Education|Energy|Trade|Economy|Affairs|Deputy|Vice|Acting|Former|Senior|Assistant|Associate|Executive|Opposition|Federal|National|Regional|Party|Labour|Democrat|Republican|Conservative|Liberal)$/u;
// "McLaughlin", "DeSantis", "O’Brien", "Waller-Bridge".
const nameToken = String.raw`\p{Lu}[\p{Ll}\p{M}]+(?:\p{Lu}[\p{Ll}\p{M}]+)?(?:[-'’]\p{Lu}?[\p{Ll}\p{M}]+)*`;
// At most seven words: a run of capitalised words as long as a page must not make matching quadratic.
const namePhrase = String.raw`${nameToken}(?:\s+(?:${nameToken}|de|da|van|von|der|den|bin|al|el|la|le|di|du|dos|del)){0,6}`;
/** How far from a quotation its attribution is looked for, each way: news copy keeps it within a clause or two. */
const reach = 300;
const nameRun = new RegExp(namePhrase, 'gu');
const placeholder = (n: number) => `\u2060Q${n}\u2060`;
const placeholderPattern = /\u2060Q(\d+)\u2060/g;

/** Someone the text does not name ("a spokesperson for the ministry said"): a speaker, but none to show. */
const unnamed: Person = {name: '', role: null};
const unnamedNoun = String.raw`(?:spokes(?:man|woman|person)|official|officials|source|sources|statement|representative|aide|adviser|advisor|witness|resident|residents|critics|analysts|police|experts?)`;
const unnamedSubject = String.raw`\b(?:a|an|the|one|another)\s+(?:[\p{L}’'()-]+\s+){0,6}?${unnamedNoun}\b[^.\u2060]*?\b${verb}\b`;

type Unit = {readonly kind: 'flow' | 'heading'; readonly masked: string; readonly quotes: readonly number[]};
type Person = {readonly name: string; readonly role: string | null};

/** Every pattern compiled once: a page with thousands of quotations must not compile them thousands of times. */
const subjectAfter = (words: number) =>
	new RegExp(
		String.raw`^\s*[,:;—–-]?\s*(?:[\p{L}’'.-]+\s+){0,${words}}?(${namePhrase}|he|she)${apposition}\s+(?:\p{Ll}+\s+)?${verb}\b`,
		'u',
	);
const patterns = {
	unnamedAfter: new RegExp(String.raw`^\s*[,:;—–-]?\s*${unnamedSubject}`, 'u'),
	unnamedSubjects: new RegExp(unnamedSubject, 'gu'),
	subjectAfter: subjectAfter(0),
	subjectAfterWords: subjectAfter(5),
	verbFirst: new RegExp(String.raw`^\s*[,:;—–-]?\s*${verb}\s+([^,.;:!?\u2060]*)`, 'u'),
	commonNounAfter: new RegExp(String.raw`^\s*[,:;—–-]?\s*(?:the|a|an|its|their)\s+(?:[\p{Ll}’'-]+\s+){1,4}?${verb}\b`, 'u'),
	subjectVerb: new RegExp(String.raw`(${namePhrase}|\bhe|\bshe)${apposition}\s+${auxiliaries}${verb}\b`, 'u'),
	subjectVerbs: new RegExp(String.raw`(${namePhrase}|\bhe|\bshe)${apposition}\s+${auxiliaries}${verb}\b`, 'gu'),
	namedSubjectVerbs: new RegExp(String.raw`(${namePhrase})${apposition}\s+${auxiliaries}${verb}\b`, 'gu'),
	verbSubject: new RegExp(String.raw`,\s+${verb}\s+([^,.;:!?\u2060]*)`, 'u'),
	verbSubjects: new RegExp(String.raw`,\s+${verb}\s+([^,.;:!?\u2060]*)`, 'gu'),
	accordingAfter: new RegExp(String.raw`^\s*[,:;—–-]?\s*${according}\s+([^.;:!?\u2060]*)`, 'u'),
	according: new RegExp(String.raw`${according}\s+([^.;:!?\u2060]*)`, 'u'),
};

export function attributeQuotes(document: Pick<ArticleDocument, 'blocks'>): QuoteAttribution[] {
	const {units, texts} = unitsOf(document.blocks);
	const people = peopleIn(units);
	const found = new Map<number, {speaker: Person | null}>();
	let lastSpeaker: Person | null = null;
	let lastMentioned: Person | null = null;

	for (const unit of units) {
		if (unit.kind === 'heading') continue;
		let previousInUnit: Person | null | undefined;
		const sentences = sentencesOf(unit.masked);
		for (const sentence of sentences) {
			const quotes = [...sentence.matchAll(placeholderPattern)].map((match) => ({n: Number(match[1]), at: match.index}));
			let sentenceSpeaker: Person | null = null;
			// First the attributions the sentence states, then the quotations it leaves to context.
			for (const {n, at} of quotes) {
				if (found.has(n)) continue;
				// “The Irishman”, “Once Upon A Time in Hollywood”: the title of a work, nobody's words.
				if (isTitle(texts.get(n) ?? '')) {
					found.set(n, {speaker: null});
					continue;
				}

				const before = sentence.slice(Math.max(0, at - reach), at);
				const after = sentence.slice(at + placeholder(n).length, at + placeholder(n).length + reach);
				const speaker =
					speakerAfter(after, people, lastSpeaker, before, texts.get(n) ?? '') ??
					speakerBefore(before, people, lastSpeaker, lastMentioned, wordCount(texts.get(n) ?? '') <= 6) ??
					speakerAccordingTo(after, people);
				if (speaker) {
					found.set(n, {speaker});
					sentenceSpeaker = speaker;
				}
			}

			for (const {n} of quotes) {
				if (found.has(n)) continue;
				// Split around its attribution, or continued from the quotation before it in the paragraph.
				const speaker = sentenceSpeaker ?? previousInUnit ?? (unit.masked.trimStart().startsWith('\u2060Q') ? lastSpeaker : null);
				found.set(n, {speaker: speaker ?? null});
			}

			for (const {n} of quotes) {
				const speaker = found.get(n)!.speaker;
				if (speaker) {
					previousInUnit = speaker;
					lastSpeaker = speaker;
				}
			}

			// "…, says McLaughlin.": reported speech with no quotation still makes its speaker the one a later "she says" means.
			if (quotes.length === 0 && sentence.length <= 4 * reach) lastSpeaker = reportedSpeaker(sentence, people) ?? lastSpeaker;
			lastMentioned = lastPersonIn(sentence, people) ?? lastMentioned;
		}
	}

	// Crossheads and captions quoting words quoted elsewhere take that quotation's speaker.
	for (const unit of units) {
		if (unit.kind !== 'heading') continue;
		for (const n of unit.quotes) {
			const words = comparable(texts.get(n) ?? '');
			const twin = [...texts].find(([other, text]) => other !== n && found.get(other)?.speaker && comparable(text) === words);
			found.set(n, {speaker: twin ? found.get(twin[0])!.speaker : null});
		}
	}

	return [...texts].map(([quote, text]) => {
		const speaker = found.get(quote)?.speaker ?? null;
		return {quote, text, speaker: speaker?.name || null, role: speaker?.name ? speaker.role : null};
	});
}

/** The text units in reading order, each with its quotations replaced by placeholders, and each quotation's text. */
function unitsOf(blocks: readonly Block[]): {units: Unit[]; texts: Map<number, string>} {
	const units: Unit[] = [];
	const texts = new Map<number, string>();
	const add = (spans: readonly Span[], kind: Unit['kind']) => {
		let masked = '';
		const quotes: number[] = [];
		let open: number | undefined;
		for (const span of spans) {
			if (span.quote !== undefined) {
				texts.set(span.quote, (texts.get(span.quote) ?? '') + span.text);
				if (open !== span.quote) {
					masked += placeholder(span.quote);
					quotes.push(span.quote);
				}
			} else masked += span.text;

			open = span.quote;
		}

		units.push({kind, masked: masked.replace(/\s+/g, ' '), quotes});
	};

	const visit = (block: Block) => {
		switch (block.type) {
			case 'paragraph':
				add(block.spans, 'flow');
				break;
			case 'heading':
			case 'caption':
				add(block.spans, 'heading');
				break;
			case 'list':
				for (const item of block.items) add(item.spans, 'flow');
				break;
			case 'blockquote':
				for (const child of block.blocks) visit(child);
				break;
			default:
				break;
		}
	};

	for (const block of blocks) visit(block);
	return {units, texts};
}

/** The people the article names, by every way it refers to them (full name, surname), with the role it gives them. */
function peopleIn(units: readonly Unit[]): Map<string, Person> {
	const people = new Map<string, Person>();
	for (const unit of units) {
		for (const match of unit.masked.matchAll(nameRun)) {
			const tokens = nameTokens(match[0]);
			if (tokens.length < 2) continue;
			const name = tokens.join(' ');
			const surname = tokens.at(-1)!;
			const known = people.get(surname);
			if (known && known.name.split(' ').length >= tokens.length) continue;
			const leadIn = unit.masked.slice(Math.max(0, match.index - 200), match.index + match[0].indexOf(tokens[0]!));
			const person = {name, role: roleBefore(leadIn, match[0], tokens) ?? roleAfter(unit.masked.slice(match.index + match[0].length))};
			people.set(name, person);
			people.set(surname, person);
		}
	}

	return people;
}

/** A phrase's name tokens: titles, sentence-initial words and offices stripped from the front, a possessive from the end. */
function nameTokens(phrase: string): string[] {
	const tokens = phrase.replace(/[’']s$/u, '').split(/\s+/);
	const leading = (token: string) =>
		notNames.has(token) ||
		titles.test(token) ||
		roleWords.test(token) ||
		officeWords.test(token) ||
		isPlaceWord(token) ||
		// "Taking Archie", "Asked Smith": a sentence that opens with a verb, before a name.
		(tokens.length > 1 && /^\p{Lu}\p{Ll}{2,}(?:ing|ed)$/u.test(token));
	while (tokens.length > 0 && leading(tokens[0]!)) tokens.shift();
	// "New York City Mayor Bill de Blasio": what follows the last office or title is the name.
	const office = tokens.findLastIndex((token, index) => index < tokens.length - 1 && (titles.test(token) || roleWords.test(token)));
	return office === -1 ? tokens : tokens.slice(office + 1);
}

/** "Russian", "American": adjectives of nationality lead offices, never names. */
function isPlaceWord(token: string): boolean {
	return /(?:ian|ese|ish|can|ean|i|ic)$/u.test(token) && token.length > 4 && /^(?:\p{Lu})/u.test(token) && nationalities.test(token);
}

const nationalities =
	/^(?:Russian|American|British|Chinese|French|German|Italian|Spanish|Japanese|Korean|Indian|Iranian|Iraqi|Israeli|Palestinian|Syrian|Turkish|Egyptian|Saudi|Afghan|Pakistani|Ukrainian|Polish|Canadian|Mexican|Brazilian|Australian|European|African|Asian|Arab|Kurdish|Greek|Dutch|Swedish|Norwegian|Danish|Finnish|Irish|Scottish|Welsh|English|Belgian|Swiss|Austrian|Hungarian|Czech|Romanian|Bulgarian|Serbian|Croatian|Nigerian|Kenyan|Ethiopian|Somali|Sudanese|Libyan|Tunisian|Moroccan|Algerian|Lebanese|Jordanian|Qatari|Emirati|Yemeni|Omani|Filipino|Indonesian|Malaysian|Thai|Vietnamese|Venezuelan|Colombian|Argentine|Chilean|Peruvian|Cuban)$/u;

/** "US Secretary of State" before "Rex Tillerson": the capitalised office words that lead into the name. */
function roleBefore(leadIn: string, phrase: string, tokens: readonly string[]): string | null {
	const stripped = phrase.slice(0, phrase.indexOf(tokens[0]!)).trim();
	const words = leadIn.trimEnd().split(/\s+/);
	const role: string[] = stripped ? stripped.split(/\s+/) : [];
	for (let index = words.length - 1 - (stripped ? stripped.split(/\s+/).length : 0); index >= 0; index--) {
		const word = words[index]!;
		if (/^\p{Lu}/u.test(word) && !/[.,;:!?]$/.test(word)) role.unshift(word);
		else if (/^(?:of|for|the|and)$/.test(word) && role.length > 0) role.unshift(word);
		else break;
	}

	while (role.length > 0 && /^(?:of|for|the|and)$/.test(role[0]!)) role.shift();
	const text = role.filter((word) => !notNames.has(word) || /^(?:US|UK|EU|UN)$/.test(word)).join(' ');
	return roleWords.test(text) ? text : null;
}

/** ", the foreign minister," after a name. */
function roleAfter(rest: string): string | null {
	const match = /^,\s+(?:the\s+|a\s+|an\s+)?([^,.;:\u2060]{3,70}?),/u.exec(rest);
	return match && roleWords.test(match[1]!) ? match[1]!.trim() : null;
}

function resolve(phrase: string, people: Map<string, Person>): Person | null {
	const tokens = nameTokens(phrase);
	if (tokens.length === 0) return null;
	const name = tokens.join(' ');
	return people.get(name) ?? people.get(tokens.at(-1)!) ?? (tokens.length >= 2 ? {name, role: null} : null);
}

/** `, X said` / `, said Labour leader X` / `, he said` right after the quotation. */
function speakerAfter(
	after: string,
	people: Map<string, Person>,
	lastSpeaker: Person | null,
	before: string,
	quoted: string,
): Person | null {
	if (patterns.unnamedAfter.test(after)) return unnamed;
	// Words between the quotation and its speaker ("“…,” Labour leader Keir Starmer said") only after one that ends
	// as a spoken sentence does; "“Mrs Maisel” actress Alex Borstein said" names a show, not her words.
	const spoken = /[,.!?…—–-]\s*["”’»]?$/u.test(quoted.trim()) || /^\s*[,:;—–-]/u.test(after);
	const subjectFirst = (spoken ? patterns.subjectAfterWords : patterns.subjectAfter).exec(after);
	if (subjectFirst) return pronounOr(subjectFirst[1]!, people, lastSpeaker, before);
	const verbFirst = patterns.verbFirst.exec(after);
	if (verbFirst) {
		const object = verbFirst[1]!;
		if (/^(?:he|she)\b/.test(object)) return lastSpeaker ?? lastPersonIn(before, people);
		const person = firstPersonIn(object, people);
		if (person) return person;
		// "explained the court", "said a person familiar with the talks": attributed, to no one named.
		if (/^(?:the|a|an|one|another|its|their|his|her)\s/u.test(object.trim())) return unnamed;
	}

	if (patterns.commonNounAfter.test(after)) return unnamed;

	// `“…” if you have blackouts, Mr. Powers said.`: the sentence's attribution further on.
	const later = patterns.subjectVerb.exec(after);
	if (later) return pronounOr(later[1]!, people, lastSpeaker, before);
	// `… “impressive sensitivity” will be useful, says Laura Spitler, an astronomer`.
	const laterVerbFirst = patterns.verbSubject.exec(after);
	return laterVerbFirst ? firstPersonIn(laterVerbFirst[1]!, people) : null;
}

/** The speaker of a sentence of reported speech ("X says that …", "…, says X"), if it names one. */
function reportedSpeaker(sentence: string, people: Map<string, Person>): Person | null {
	const verbFirst = [...sentence.matchAll(patterns.verbSubjects)].at(-1);
	const subjectFirst = [...sentence.matchAll(patterns.namedSubjectVerbs)].at(-1);
	if (verbFirst && (!subjectFirst || verbFirst.index > subjectFirst.index)) return firstPersonIn(verbFirst[1]!, people);
	return subjectFirst ? resolve(subjectFirst[1]!, people) : null;
}

/** `“…,” according to X`: the source, when nothing closer says who spoke. */
function speakerAccordingTo(after: string, people: Map<string, Person>): Person | null {
	const accordingTo = patterns.accordingAfter.exec(after);
	return accordingTo ? firstPersonIn(accordingTo[1]!, people) : null;
}

/** The first name in a stretch of text that is a person's (known, or given in full). */
function firstPersonIn(text: string, people: Map<string, Person>): Person | null {
	for (const match of text.matchAll(nameRun)) {
		const person = resolve(match[0], people);
		if (person) return person;
	}

	return null;
}

/** `X said: “…”`, `X told reporters “…”`, `X said that … “…”`: the last speech verb with its subject before the quotation, in its sentence. */
function speakerBefore(
	before: string,
	people: Map<string, Person>,
	lastSpeaker: Person | null,
	lastMentioned: Person | null,
	scare: boolean,
): Person | null {
	const pattern = patterns.subjectVerbs;
	const matches = [...before.matchAll(pattern)];
	// A short scare quote inside reported speech is the reporter's ("X added that … Y had indicated some “willingness”"):
	// the sentence's first speaker; a longer quotation goes with the speech verb nearest it.
	const last = scare ? matches[0] : matches.at(-1);
	const anonymous = [...before.matchAll(patterns.unnamedSubjects)].at(-1);
	if (anonymous && (!last || anonymous.index > last.index)) return unnamed;
	if (last) {
		const subject = last[1]!;
		if (/^(?:he|she)$/i.test(subject)) return lastSpeaker ?? lastPersonIn(before.slice(0, last.index), people) ?? lastMentioned;
		return resolve(subject, people);
	}

	const accordingTo = patterns.according.exec(before);
	return accordingTo ? firstPersonIn(accordingTo[1]!, people) : null;
}

function pronounOr(subject: string, people: Map<string, Person>, lastSpeaker: Person | null, before: string): Person | null {
	if (/^(?:he|she)$/i.test(subject)) return lastSpeaker ?? lastPersonIn(before, people);
	return resolve(subject, people);
}

function lastPersonIn(text: string, people: Map<string, Person>): Person | null {
	let last: Person | null = null;
	for (const match of text.matchAll(nameRun)) {
		const tokens = nameTokens(match[0]);
		if (tokens.length === 0) continue;
		last = people.get(tokens.join(' ')) ?? people.get(tokens.at(-1)!) ?? last;
	}

	return last;
}

/** Sentences of a unit's masked text (the placeholders hold no stops, so a quotation never ends one). */
function sentencesOf(text: string): string[] {
	return text.split(/(?<=[.!?])\s+(?=[\p{Lu}\u2060"“‘«])(?<!\b(?:Mr|Mrs|Ms|Dr|St|Prof|Gen|Sen|Rep|Gov|Jr|Sr)\.\s+)/u);
}

function wordCount(text: string): number {
	return text.split(/\s+/).filter((word) => /[\p{L}\p{N}]/u.test(word)).length;
}

/** Words in title case with no closing punctuation: the name of a film, a book, a law or an operation. */
function isTitle(quoted: string): boolean {
	const inner = quoted.replace(/^[\s"“”‘’'«»„‚]+|[\s"“”‘’'«»„‚]+$/gu, '');
	if (!inner || /[,.!?…:;]$/u.test(inner)) return false;
	const words = inner.split(/\s+/).filter((word) => /\p{L}/u.test(word));
	return (
		words.length > 0 &&
		words.length <= 8 &&
		words.every(
			(word, index) => /^[\p{Lu}\p{N}]/u.test(word) || (index > 0 && /^(?:a|an|the|of|in|on|and|or|for|to|at|by|de|la|le)$/.test(word)),
		)
	);
}

function comparable(text: string): string {
	return text
		.replace(/[^\p{L}\p{N}]+/gu, ' ')
		.trim()
		.toLowerCase();
}

/** A speaker's quotations, in reading order; `speaker` null gathers those the text attributes to no one. */
export type SpeakerQuotes = {
	readonly speaker: string | null;
	readonly role: string | null;
	readonly quotes: ReadonlyArray<{readonly quote: number; readonly text: string}>;
};

/** Key quotes: the quotations grouped by speaker, speakers in the order they first speak, the unattributed last. */
export function keyQuotes(attributions: readonly QuoteAttribution[]): SpeakerQuotes[] {
	const groups = new Map<string | null, {speaker: string | null; role: string | null; quotes: Array<{quote: number; text: string}>}>();
	for (const {quote, text, speaker, role} of attributions) {
		const group = groups.get(speaker) ?? {speaker, role, quotes: []};
		group.quotes.push({quote, text});
		groups.set(speaker, group);
	}

	const unattributed = groups.get(null);
	groups.delete(null);
	return [...groups.values(), ...(unattributed ? [unattributed] : [])];
}
