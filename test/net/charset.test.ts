import test from 'ava';
import {decodeBody, detectCharset} from '../../source/net/charset.js';

const bytes = (text: string, encoding: 'latin1' | 'utf8' | 'utf16le' = 'utf8') => new Uint8Array(Buffer.from(text, encoding));

test('windows-1252 byte 0x93/0x94 decode to curly quotes (Node has regressed here)', (t) => {
	const body = new Uint8Array([0x3c, 0x70, 0x3e, 0x93, 0x48, 0x69, 0x94, 0x20, 0x80]);
	t.is(decodeBody(body, 'text/html; charset=windows-1252', 'html').text, '<p>“Hi” €');
	// ISO-8859-1 is windows-1252 on the web.
	t.is(decodeBody(body, 'text/html; charset=iso-8859-1', 'html').text, '<p>“Hi” €');
});

test('the Content-Type charset is used', (t) => {
	const body = new Uint8Array([0xcf, 0xf0, 0xe8, 0xe2, 0xe5, 0xf2]);
	t.is(decodeBody(body, 'application/rss+xml; charset="windows-1251"', 'xml').text, 'Привет');
});

test('a BOM decides UTF-8 and UTF-16', (t) => {
	t.is(decodeBody(new Uint8Array([0xef, 0xbb, 0xbf, 0x3c, 0x61, 0x3e]), undefined, 'xml').text, '<a>');
	const utf16 = new Uint8Array([0xff, 0xfe, ...bytes('<a>é</a>', 'utf16le')]);
	t.is(decodeBody(utf16, undefined, 'xml').text, '<a>é</a>');
	t.is(detectCharset(utf16, 'text/xml; charset=iso-8859-1', 'xml'), 'utf-16le');
});

test('the XML declaration and <meta charset> are read when the header says nothing', (t) => {
	t.is(
		decodeBody(bytes('<?xml version="1.0" encoding="ISO-8859-1"?><t>caf\u00e9</t>', 'latin1'), 'text/xml', 'xml').text.slice(-11),
		'<t>café</t>',
	);
	t.is(detectCharset(bytes('<html><head><meta charset="shift_jis">'), undefined, 'html'), 'shift_jis');
	t.is(detectCharset(bytes('<meta http-equiv="Content-Type" content="text/html; charset=gbk">'), undefined, 'html'), 'gbk');
});

test('undeclared bytes: UTF-8 when valid, else windows-1252', (t) => {
	t.is(decodeBody(bytes('<p>naïve — ok</p>'), undefined, 'html').charset, 'utf-8');
	const legacy = decodeBody(bytes('<p>simulação</p>', 'latin1'), undefined, 'html');
	t.is(legacy.charset, 'windows-1252');
	t.is(legacy.text, '<p>simulação</p>');
});

test('UTF-16 without a BOM is recognised from its zero bytes', (t) => {
	t.is(decodeBody(bytes('<rss/>', 'utf16le'), undefined, 'xml').text, '<rss/>');
});

test('an unknown charset label falls back instead of throwing', (t) => {
	t.is(decodeBody(bytes('<p>x</p>'), 'text/html; charset=x-no-such-thing', 'html').text, '<p>x</p>');
});

test('a single-byte charset declared over bytes that are UTF-8 with multi-byte characters is UTF-8', (t) => {
	for (const declared of ['iso-8859-1', 'windows-1252', 'latin1', 'us-ascii', 'iso-8859-15', 'windows-1251']) {
		t.is(
			decodeBody(bytes('<t>café – “naïve” 東京</t>'), `text/xml; charset=${declared}`, 'xml').text,
			'<t>café – “naïve” 東京</t>',
			declared,
		);
	}

	t.is(decodeBody(bytes('<?xml version="1.0" encoding="ISO-8859-1"?><t>café</t>'), undefined, 'xml').text.slice(-11), '<t>café</t>');
	// A page whose header lies and whose own <meta charset> comes after the first kilobyte.
	const page = `<html><head><title>x</title><!--${'-'.repeat(2000)}--><meta charset="utf-8"></head><body>Ελληνικά café</body></html>`;
	t.true(decodeBody(bytes(page), 'text/html; charset=ISO-8859-1', 'html').text.includes('Ελληνικά café'));
	// Real Latin-1 (é is one byte, not valid UTF-8) stays Latin-1; so does plain ASCII.
	t.is(decodeBody(bytes('<t>café</t>', 'latin1'), 'text/xml; charset=iso-8859-1', 'xml').text, '<t>café</t>');
	t.is(decodeBody(bytes('<t>cafe</t>'), 'text/xml; charset=iso-8859-1', 'xml').charset, 'windows-1252');
});
