/** Default back-off when a 429/503 names no time, and the most we ever wait. */
const defaultDelayMs = 10 * 60_000;
const maximumDelayMs = 24 * 60 * 60_000;

/** Turns a Retry-After value (seconds or an HTTP date) into the ISO time to wait until. */
export function retryAfterUntil(value: string | undefined, now: Date): string {
	let delay = defaultDelayMs;
	if (value && /^\d+$/.test(value.trim())) delay = Number(value.trim()) * 1000;
	else if (value && !Number.isNaN(Date.parse(value))) delay = Date.parse(value) - now.getTime();
	return new Date(now.getTime() + Math.min(maximumDelayMs, Math.max(0, delay))).toISOString();
}
