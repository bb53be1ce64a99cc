/**
 * The one gate between untrusted text (feeds, pages, error messages quoting
 * them) and the terminal. Removes every escape sequence, C0/C1 control and
 * bidirectional override so a feed can neither move the cursor, retitle the
 * window, write the clipboard, nor reorder what the reader sees.
 */

// CSI, OSC, DCS/SOS/PM/APC strings and two-byte ESC sequences, in 7-bit and 8-bit forms.
const escapeSequence =
	// eslint-disable-next-line no-control-regex
	/\u001B\[[0-?]*[ -/]*[@-~]?|\u009B[0-?]*[ -/]*[@-~]?|[\u001B][\]PX^_][\s\S]*?(?:\u0007|\u001B\\|\u009C|$)|[\u009D\u0090\u0098\u009E\u009F][\s\S]*?(?:\u0007|\u001B\\|\u009C|$)|\u001B[\s\S]?/g;

// C0 and C1 controls (tab and newline handled separately), DEL,
// bidi embeddings/overrides/isolates, the invisible bidi marks, and what no text may hold
// (lone surrogates, U+FFFE/U+FFFF): what passes is printable and valid in XML, so exports stay well-formed.
// eslint-disable-next-line no-control-regex
const unsafeCharacter = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069\uFFFE\uFFFF]/g;
// Lone surrogates: the Unicode-aware pattern costs twice the plain one, so it runs only on text with surrogates in it.
const surrogate = /[\uD800-\uDFFF]/;
const loneSurrogate = /\p{Cs}/gu;

export type SanitizeOptions = {
	/** Keep newlines (for multi-line text); otherwise they become spaces. Default false. */
	readonly keepNewlines?: boolean;
	/** Cut the result to at most this many UTF-16 units before layout (huge titles stall rendering). */
	readonly maxLength?: number;
};

export function sanitizeTerminal(input: string, options: SanitizeOptions = {}): string {
	let text = input.replace(escapeSequence, '').replace(/\r\n?/g, '\n').replace(/\t/g, ' ');
	if (!options.keepNewlines) text = text.replace(/\n/g, ' ');
	text = text.replace(unsafeCharacter, '');
	if (surrogate.test(text)) text = text.replace(loneSurrogate, '');
	if (options.maxLength !== undefined && text.length > options.maxLength) {
		text = truncateAtCodePoint(text, options.maxLength - 1) + '…';
	}

	return text;
}

/** Cuts a string without splitting a surrogate pair. */
function truncateAtCodePoint(text: string, length: number): string {
	const code = text.charCodeAt(length - 1);
	return code >= 0xd8_00 && code <= 0xdb_ff ? text.slice(0, length - 1) : text.slice(0, length);
}

/** sanitizeTerminal for a field that may be absent (null stays null). */
export function sanitizeOptional(input: string | null, options: SanitizeOptions = {}): string | null {
	return input === null ? null : sanitizeTerminal(input, options);
}
