/**
 * Dates from feeds and pages: any format Date understands, normalised to ISO 8601 in UTC
 * (seconds precision unless the source had milliseconds), or null. Never throws.
 */
export function normaliseDate(value: unknown): string | null {
	if (value instanceof Date) return formatIso(value);
	if (typeof value !== 'string' && typeof value !== 'number') return null;
	const text = String(value).trim();
	if (!text) return null;
	let date = new Date(text);
	// RFC 822 dates with a comma-less weekday or a trailing zone name Date does not know ("CEST").
	if (Number.isNaN(date.getTime())) date = new Date(text.replace(/^[A-Za-z]{3},?\s+/, '').replace(/\s+[A-Z]{3,5}$/, ' GMT'));
	return Number.isNaN(date.getTime()) ? null : formatIso(date);
}

export function formatIso(date: Date): string | null {
	const time = date.getTime();
	if (Number.isNaN(time)) return null;
	const iso = date.toISOString();
	return time % 1000 === 0 ? iso.replace('.000Z', 'Z') : iso;
}
