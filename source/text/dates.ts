/**
 * Dates from feeds and pages, normalised to ISO 8601 in UTC (seconds precision unless the source had
 * milliseconds), or null. Never throws, and never rolls over: "31 February" or hour 25 is unknown,
 * not 2 March, since a wrong date sorts a story wrongly for good. Years outside 1900–2200 are unknown too.
 */
export function normaliseDate(value: unknown): string | null {
	if (value instanceof Date) return inRange(value) ? formatIso(value) : null;
	if (typeof value !== 'string') return null;
	const text = value.trim();
	// Real dates are short; anything longer is not one (and no pattern below ever sees a long input).
	if (!text || text.length > 80) return null;
	const parts = isoParts(text) ?? rfc822Parts(text);
	if (parts) return fromParts(parts);
	// Other shapes Date reads ("Tue Aug 08 2017 10:00:00 GMT+0000", "August 8, 2017"), checked for rollover.
	const date = new Date(text);
	if (Number.isNaN(date.getTime()) || !inRange(date) || rollsOver(text)) return null;
	return formatIso(date);
}

export function formatIso(date: Date): string | null {
	const time = date.getTime();
	if (Number.isNaN(time)) return null;
	const iso = date.toISOString();
	return time % 1000 === 0 ? iso.replace('.000Z', 'Z') : iso;
}

/** An ISO time as messages show it: "2026-12-04 00:42:55 UTC". */
export function utcTime(iso: string): string {
	return `${iso.slice(0, 19).replace('T', ' ')} UTC`;
}

type Parts = {
	year: number;
	month: number;
	day: number;
	hour: number;
	minute: number;
	second: number;
	millisecond: number;
	/** Minutes east of UTC. */
	offset: number;
};

const iso = /^(\d{4})-(\d{2})-(\d{2})(?:[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?\s?([Zz]|[+-]\d{2}(?::?\d{2})?)?)?$/;

/** RFC 3339 and the ISO 8601 forms feeds use; no zone means UTC. */
function isoParts(text: string): Parts | undefined {
	const match = iso.exec(text);
	if (!match) return undefined;
	const [, year, month, day, hour, minute, second, fraction, zone] = match;
	return {
		year: Number(year),
		month: Number(month),
		day: Number(day),
		hour: Number(hour ?? 0),
		minute: Number(minute ?? 0),
		second: Number(second ?? 0),
		millisecond: fraction ? Math.floor(Number(`0.${fraction}`) * 1000) : 0,
		offset: zoneOffset(zone),
	};
}

const months = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const rfc822 =
	/^(?:[A-Za-z]{2,9}\.?,?\s+)?(\d{1,2})[\s-]+([A-Za-z]{3,9})\.?[\s-]+(\d{2}|\d{4})(?:\s+(\d{1,2}):(\d{2})(?::(\d{2}))?)?\s*(\S{1,6})?$/;

/** RFC 822/1123/2822 (and RFC 850's dashes): "Mon, 07 Aug 2017 08:00:00 GMT". */
function rfc822Parts(text: string): Parts | undefined {
	const match = rfc822.exec(text);
	if (!match) return undefined;
	const [, day, monthName, year, hour, minute, second, zone] = match;
	const month = monthNumber(monthName!);
	const offset = zoneOffset(zone);
	if (month === undefined || Number.isNaN(offset)) return undefined;
	const fullYear = year!.length === 2 ? (Number(year) < 50 ? 2000 : 1900) + Number(year) : Number(year);
	return {
		year: fullYear,
		month,
		day: Number(day),
		hour: Number(hour ?? 0),
		minute: Number(minute ?? 0),
		second: Number(second ?? 0),
		millisecond: 0,
		offset,
	};
}

const namedZones: Record<string, number> = {
	Z: 0,
	UT: 0,
	UTC: 0,
	GMT: 0,
	EST: -300,
	EDT: -240,
	CST: -360,
	CDT: -300,
	MST: -420,
	MDT: -360,
	PST: -480,
	PDT: -420,
	BST: 60,
	CET: 60,
	CEST: 120,
	EET: 120,
	EEST: 180,
	IST: 330,
	JST: 540,
	AEST: 600,
	AEDT: 660,
};

/** Minutes east of UTC for "+02:00", "-0500", "GMT", "PDT"; NaN for a zone we cannot read; 0 when absent. */
function zoneOffset(zone: string | undefined): number {
	if (!zone) return 0;
	const numeric = /^([+-])(\d{2}):?(\d{2})?$/.exec(zone);
	if (numeric) {
		const hours = Number(numeric[2]);
		const minutes = Number(numeric[3] ?? 0);
		if (hours > 14 || minutes > 59) return Number.NaN;
		return (numeric[1] === '-' ? -1 : 1) * (hours * 60 + minutes);
	}

	return namedZones[zone.toUpperCase()] ?? Number.NaN;
}

function monthNumber(name: string): number | undefined {
	const index = months.indexOf(name.slice(0, 3).toLowerCase());
	// "Sept" and "June" are fine; "Janitor" is not a month.
	if (index === -1 || (name.length > 4 && !longMonthNames[index]!.startsWith(name.toLowerCase()))) return undefined;
	return index + 1;
}

const longMonthNames = [
	'january',
	'february',
	'march',
	'april',
	'may',
	'june',
	'july',
	'august',
	'september',
	'october',
	'november',
	'december',
];

function fromParts(parts: Parts): string | null {
	const {year, month, day, hour, minute, second, millisecond, offset} = parts;
	if (Number.isNaN(offset) || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
	// 24:00 and leap seconds are rare enough to be read as unknown rather than guessed.
	if (hour > 23 || minute > 59 || second > 59) return null;
	const date = new Date(Date.UTC(year, month - 1, day, hour, minute, second, millisecond) - offset * 60_000);
	return inRange(date) ? formatIso(date) : null;
}

function daysInMonth(year: number, month: number): number {
	return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function inRange(date: Date): boolean {
	const year = date.getUTCFullYear();
	return year >= 1900 && year <= 2200;
}

const monthThenDay = /\b([A-Za-z]{3,9})\.?\s+(\d{1,2})\b/;
const dayThenMonth = /\b(\d{1,2})\s+([A-Za-z]{3,9})\b/;
const yearPattern = /\b(\d{4})\b/;

/** Whether a date Date read leniently names a day its month does not have ("Feb 30, 2024"). */
function rollsOver(text: string): boolean {
	const monthDay = monthThenDay.exec(text);
	const dayMonth = dayThenMonth.exec(text);
	const [name, day] = monthDay && monthNumber(monthDay[1]!) ? [monthDay[1]!, monthDay[2]!] : dayMonth ? [dayMonth[2]!, dayMonth[1]!] : [];
	const month = name ? monthNumber(name) : undefined;
	if (!month) return false;
	const year = Number(yearPattern.exec(text)?.[1] ?? 2000);
	return Number(day) < 1 || Number(day) > daysInMonth(year, month);
}
