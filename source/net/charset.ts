import {isUtf8} from 'node:buffer';

/**
 * Turns fetched bytes into text the way a browser would, in this order:
 * BOM, then the Content-Type charset, then the document's own declaration
 * (`<?xml encoding>` or `<meta charset>`), then UTF-8.
 * The BOM wins over the header, as in the WHATWG encoding standard.
 */

export type DocumentKind = 'xml' | 'html';

const boms: Array<[bytes: number[], encoding: string]> = [
	[[0xef, 0xbb, 0xbf], 'utf-8'],
	[[0xfe, 0xff], 'utf-16be'],
	[[0xff, 0xfe], 'utf-16le'],
];

export function sniffBom(bytes: Uint8Array): string | undefined {
	for (const [signature, encoding] of boms) {
		if (signature.every((byte, index) => bytes[index] === byte)) return encoding;
	}

	return undefined;
}

export function charsetFromContentType(contentType: string | undefined): string | undefined {
	const match = /;\s*charset\s*=\s*("?)([^";\s]+)\1/i.exec(contentType ?? '');
	return match?.[2];
}

/** Reads the declaration from the first bytes, which are ASCII-compatible in every encoding we honour here. */
export function charsetFromDeclaration(bytes: Uint8Array, kind: DocumentKind): string | undefined {
	const head = latin1(bytes.subarray(0, kind === 'xml' ? 512 : 4096));
	const xml = /^\s*<\?xml[^>]*?\bencoding\s*=\s*["']([^"']+)["']/i.exec(head);
	if (xml) return xml[1];
	if (kind === 'html') {
		const meta = /<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)/i.exec(head);
		if (meta) return meta[1];
	}

	return undefined;
}

/** A label TextDecoder knows, or undefined. */
function supported(label: string | undefined): string | undefined {
	if (!label) return undefined;
	try {
		return new TextDecoder(label.trim()).encoding;
	} catch {
		return undefined;
	}
}

/** The declared or sniffed charset, or undefined when the document does not say. */
export function detectCharset(bytes: Uint8Array, contentType: string | undefined, kind: DocumentKind): string | undefined {
	const bom = sniffBom(bytes);
	if (bom) return bom;
	const sniffedUtf16 = looksLikeUtf16(bytes);
	if (sniffedUtf16) return sniffedUtf16;
	const declared = supported(charsetFromContentType(contentType)) ?? supported(charsetFromDeclaration(bytes, kind));
	// A declaration read as ASCII cannot be UTF-16: the bytes say otherwise.
	return declared?.startsWith('utf-16') ? undefined : declared;
}

/** UTF-16 without a BOM: `<` followed or preceded by a zero byte. */
function looksLikeUtf16(bytes: Uint8Array): string | undefined {
	if (bytes.length < 4) return undefined;
	if (bytes[0] === 0x3c && bytes[1] === 0 && bytes[2] !== 0) return 'utf-16le';
	if (bytes[0] === 0 && bytes[1] === 0x3c) return 'utf-16be';
	return undefined;
}

export function decodeBody(bytes: Uint8Array, contentType: string | undefined, kind: DocumentKind): {text: string; charset: string} {
	let charset = detectCharset(bytes, contentType, kind);
	// Declared Latin-1 or another single-byte charset, yet the bytes are UTF-8 with multi-byte characters
	// in them: the declaration is wrong (a server default, a stale header), and decoding by it gives "cafÃ©".
	// Real single-byte text almost never forms valid multi-byte UTF-8 by chance.
	if (charset && !sniffBom(bytes) && singleByte(charset) && hasHighBytes(bytes) && isUtf8(bytes)) charset = 'utf-8';
	// TextDecoder drops the BOM itself; invalid bytes become U+FFFD rather than failing the whole document.
	if (charset) return {text: new TextDecoder(charset).decode(bytes), charset};
	// Undeclared: UTF-8 when the bytes are valid UTF-8, else the legacy default of the web (windows-1252).
	try {
		return {text: new TextDecoder('utf-8', {fatal: true}).decode(bytes), charset: 'utf-8'};
	} catch {
		return {text: new TextDecoder('windows-1252').decode(bytes), charset: 'windows-1252'};
	}
}

/** Every charset TextDecoder knows apart from UTF-8, UTF-16 and the multi-byte CJK ones is one byte per character. */
const multiByte = new Set(['utf-8', 'utf-16le', 'utf-16be', 'gbk', 'gb18030', 'big5', 'euc-jp', 'iso-2022-jp', 'shift_jis', 'euc-kr']);

function singleByte(charset: string): boolean {
	return !multiByte.has(charset);
}

function hasHighBytes(bytes: Uint8Array): boolean {
	for (const byte of bytes) if (byte >= 0x80) return true;
	return false;
}

function latin1(bytes: Uint8Array): string {
	let out = '';
	for (const byte of bytes) out += String.fromCharCode(byte);
	return out;
}
