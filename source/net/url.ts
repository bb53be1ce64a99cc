/** Resolves a possibly relative URL against `base`; keeps only http(s), drops the fragment-only and malformed. */
export function absoluteHttpUrl(value: string | null | undefined, base: string): string | null {
	const text = value?.trim();
	if (!text) return null;
	try {
		const url = new URL(text, base);
		return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
	} catch {
		return null;
	}
}

/** The host of a URL ("example.com:8080"), the key for per-host limits; the input itself when it is not a URL. */
export function hostOf(url: string): string {
	try {
		return new URL(url).host;
	} catch {
		return url;
	}
}

/**
 * A URL fit to show: the password of a private feed (`https://me:secret@host/feed`) becomes `***`.
 * Anything that is not a URL with a password comes back as it was.
 */
export function redactUrl(url: string): string {
	if (!url.includes('@')) return url;
	try {
		const parsed = new URL(url);
		if (!parsed.password) return url;
		parsed.password = '***';
		return parsed.href;
	} catch {
		return url;
	}
}
