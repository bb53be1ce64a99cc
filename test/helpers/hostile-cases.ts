import type {IncomingMessage, ServerResponse} from 'node:http';
import {brotliCompressSync, deflateSync, gzipSync} from 'node:zlib';

/*
 * A corpus of hostile feeds and servers: malformed XML and JSON, text built to hang a parser or
 * escape to the terminal, broken HTTP, lying charsets. Each case names the good data that must
 * still arrive (`good`), or says the feed must fail (`fails`) with a one-line error naming it.
 */

export type Handler = (request: IncomingMessage, response: ServerResponse) => void;

export type HostileCase = {
	readonly name: string;
	readonly group: 'xml' | 'json' | 'http' | 'charset' | 'terminal';
	readonly serve: Handler;
	/** Titles that must be stored and exported, whatever else the feed does. */
	readonly good: readonly string[];
	/** The feed must fail (recorded on it, one line naming it) rather than deliver anything. */
	readonly fails?: true;
	/** A 429/503 that backs its whole host off: served from a host of its own, and the wait is clamped to 0 s … 24 h. */
	readonly backsOff?: true;
	/** Extra checks on the stored items, by title. */
	readonly check?: (items: ReadonlyArray<{title: string; published: string | null; link: string | null}>) => string | undefined;
};

const goodItems = (prefix = 'good') =>
	`<item><title>${prefix} one</title><link>https://news.example/${prefix}/1</link><guid>${prefix}-1</guid><pubDate>Mon, 07 Aug 2017 08:00:00 GMT</pubDate></item>` +
	`<item><title>${prefix} two</title><link>https://news.example/${prefix}/2</link><guid>${prefix}-2</guid></item>`;
const rss = (middle: string, tail = goodItems('late')) =>
	`<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Hostile</title><link>https://news.example/</link>${goodItems()}${middle}${tail}</channel></rss>`;
const goodEntries =
	'<entry><title>good one</title><id>good-1</id><link href="https://news.example/good/1"/></entry>' +
	'<entry><title>good two</title><id>good-2</id><link rel="alternate" href="https://news.example/good/2"/></entry>';
const atom = (middle: string, head = '<link href="https://news.example/"/>') =>
	`<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Hostile Atom</title>${head}${goodEntries}${middle}<entry><title>late one</title><id>late-1</id></entry></feed>`;
const jsonFeed = (items: unknown[]) =>
	JSON.stringify({
		version: 'https://jsonfeed.org/version/1.1',
		title: 'Hostile JSON',
		items: [{id: 'good-1', title: 'good one', url: 'https://news.example/good/1'}, ...items, {id: 'good-2', title: 'good two'}],
	});

const rssGood = ['good one', 'good two', 'late one', 'late two'];
const atomGood = ['good one', 'good two', 'late one'];
const jsonGood = ['good one', 'good two'];

function body(content: string | Uint8Array, type = 'application/rss+xml; charset=utf-8', extra: Record<string, string> = {}): Handler {
	return (_request, response) => {
		response.writeHead(200, {'content-type': type, ...extra});
		response.end(content);
	};
}

function status(code: number, headers: Record<string, string> = {}): Handler {
	return (_request, response) => {
		response.writeHead(code, {'content-type': 'text/html', ...headers});
		response.end(`<html><body>status ${code}</body></html>`);
	};
}

function redirectTo(location: string, code = 302): Handler {
	return (_request, response) => {
		response.writeHead(code, {location});
		response.end();
	};
}

const deep = (open: string, close: string, depth: number, inner = 'x') => open.repeat(depth) + inner + close.repeat(depth);
const megabyte = (unit: string) => unit.repeat(Math.ceil(1_000_000 / unit.length));

/** Terminal attacks: clear the screen, retitle the window, write the clipboard, a hyperlink, 8-bit CSI, bidi. */
const escapes = [
	'\u001B[2J\u001B[H',
	'\u001B]0;pwned\u0007',
	'\u001B]52;c;cm0gLXJmIH4=\u0007',
	'\u001B]8;;https://evil.example\u0007',
	'\u009B31m',
	'\u202Eevil',
];

const xml: HostileCase[] = [
	{
		name: 'atom-link-without-attributes',
		group: 'xml',
		serve: body(atom('<entry><title>bare link</title><id>b</id><link/></entry>')),
		good: [...atomGood, 'bare link'],
	},
	{name: 'atom-feed-link-without-attributes', group: 'xml', serve: body(atom('', '<link/>')), good: atomGood},
	{
		name: 'rss-nested-20000-deep',
		group: 'xml',
		serve: body(rss(`<item><title>deep</title><guid>d</guid><description>${deep('<b>', '</b>', 20_000)}</description></item>`)),
		good: rssGood,
	},
	{
		name: 'atom-xhtml-nested-20000-deep',
		group: 'xml',
		serve: body(
			atom(
				`<entry><title>deep</title><id>d</id><content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml">${deep('<div>', '</div>', 20_000)}</div></content></entry>`,
			),
		),
		good: atomGood,
	},
	{
		name: 'control-character-in-xhtml',
		group: 'xml',
		serve: body(
			atom(
				'<entry><title>ctl</title><id>c</id><content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml">a\u0001b\u0008c</div></content></entry>',
			),
		),
		good: [...atomGood, 'ctl'],
	},
	{
		name: 'control-character-in-title',
		group: 'xml',
		serve: body(rss('<item><title>a\u0001b\u0002</title><guid>c</guid></item>')),
		good: [...rssGood, 'ab'],
	},
	{
		name: 'truncated-mid-item',
		group: 'xml',
		serve: body(rss('', '').replace('</channel></rss>', '<item><title>cut off</title><descr')),
		good: ['good one', 'good two'],
	},
	{
		name: 'truncated-mid-tag',
		group: 'xml',
		serve: body(rss('', '').replace('</channel></rss>', '<item><ti')),
		good: ['good one', 'good two'],
	},
	{
		name: 'truncated-mid-comment',
		group: 'xml',
		serve: body(rss('', '').replace('</channel></rss>', '<!-- and then')),
		good: ['good one', 'good two'],
	},
	{name: 'trailing-garbage', group: 'xml', serve: body(rss('') + 'garbage <<< &&& </rss>'), good: rssGood},
	{
		name: 'bare-ampersands',
		group: 'xml',
		serve: body(rss('<item><title>Q&A: rock & roll</title><guid>amp</guid></item>')),
		good: [...rssGood, 'Q&A: rock & roll'],
	},
	{
		name: 'html-entities',
		group: 'xml',
		serve: body(rss('<item><title>caf&eacute;&nbsp;noir</title><guid>ent</guid></item>')),
		good: [...rssGood, 'café noir'],
	},
	{
		name: 'numeric-references-to-controls',
		group: 'xml',
		serve: body(rss('<item><title>x&#27;[2J&#0;y</title><guid>num</guid></item>')),
		good: rssGood,
	},
	{
		name: 'unclosed-cdata',
		group: 'xml',
		serve: body(rss('', '').replace('</channel></rss>', '<item><title><![CDATA[never ends')),
		good: ['good one', 'good two'],
	},
	{
		name: 'mismatched-tags',
		group: 'xml',
		serve: body(rss('<item><title>crossed <b><i>tags</b></i></title><guid>mm</guid></item>')),
		good: rssGood,
	},
	{
		name: 'stray-end-tags',
		group: 'xml',
		serve: body(rss('</p></div><item><title>after strays</title><guid>st</guid></item></span>')),
		good: rssGood,
	},
	{
		name: 'duplicate-ids',
		group: 'xml',
		serve: body(
			rss('<item><title>first of twins</title><guid>twin</guid></item><item><title>second of twins</title><guid>twin</guid></item>'),
		),
		good: [...rssGood, 'first of twins'],
		check: (items) => (items.some((item) => item.title === 'second of twins') ? 'the second twin replaced the first' : undefined),
	},
	{
		name: 'impossible-dates',
		group: 'xml',
		serve: body(
			rss(
				'<item><title>feb 31</title><guid>d1</guid><pubDate>Sat, 31 Feb 2024 10:00:00 GMT</pubDate></item>' +
					'<item><title>year 275760</title><guid>d2</guid><pubDate>+275760-09-13T00:00:00Z</pubDate></item>' +
					'<item><title>yesterdayish</title><guid>d3</guid><pubDate>yesterday-ish</pubDate></item>' +
					'<item><title>hour 25</title><guid>d4</guid><pubDate>Mon, 07 Aug 2017 25:00:00 GMT</pubDate></item>',
			),
		),
		good: [...rssGood, 'feb 31', 'year 275760', 'yesterdayish', 'hour 25'],
		check: (items) =>
			items
				.filter((item) => ['feb 31', 'year 275760', 'yesterdayish', 'hour 25'].includes(item.title) && item.published !== null)
				.map((item) => `${item.title} became ${item.published}`)[0],
	},
	{
		name: 'one-megabyte-title',
		group: 'xml',
		serve: body(rss(`<item><title>${'long '.repeat(200_000)}</title><guid>big</guid></item>`)),
		good: rssGood,
	},
	{
		name: 'javascript-link',
		group: 'xml',
		serve: body(rss('<item><title>js link</title><link>javascript:alert(1)</link><guid>js</guid></item>')),
		good: [...rssGood, 'js link'],
		check: (items) => (items.find((item) => item.title === 'js link')?.link ? 'kept a javascript: link' : undefined),
	},
	{
		name: 'megabyte-of-escaped-lt',
		group: 'xml',
		serve: body(rss(`<item><title>lt</title><guid>lt</guid><description>${megabyte('&lt;')}</description></item>`)),
		good: [...rssGood, 'lt'],
	},
	{
		name: 'megabyte-of-lt-in-cdata',
		group: 'xml',
		serve: body(rss(`<item><title>cdata</title><guid>cd</guid><description><![CDATA[${megabyte('<')}]]></description></item>`)),
		good: [...rssGood, 'cdata'],
	},
	{
		name: 'megabyte-of-unclosed-tags-in-cdata',
		group: 'xml',
		serve: body(rss(`<item><title>tags</title><guid>tg</guid><description><![CDATA[${megabyte('<a href="')}]]></description></item>`)),
		good: [...rssGood, 'tags'],
	},
	{
		name: 'hundred-thousand-spaces',
		group: 'xml',
		serve: body(rss(`<item><title>${' '.repeat(100_000)}spaced${' '.repeat(100_000)}</title><guid>sp</guid></item>`)),
		good: [...rssGood, 'spaced'],
	},
	{
		name: 'unclosed-attribute-quote',
		group: 'xml',
		serve: body(rss('<item><title>q</title><guid isPermaLink="false>q</guid></item>')),
		good: ['good one', 'good two'],
	},
	{name: 'bom-and-blank-lines-before-declaration', group: 'xml', serve: body(`\uFEFF\n\n  ${rss('')}`), good: rssGood},
	{
		name: 'xml-base-javascript',
		group: 'xml',
		serve: body(rss('<item xml:base="javascript:alert(1)//"><title>based</title><link>x</link><guid>xb</guid></item>')),
		good: [...rssGood, 'based'],
	},
	{
		name: 'enclosure-garbage',
		group: 'xml',
		serve: body(rss('<item><title>enc</title><guid>en</guid><enclosure url="javascript:x" length="-5e999" type="\u001B[2J"/></item>')),
		good: [...rssGood, 'enc'],
	},
	{
		name: 'categories-as-objects',
		group: 'xml',
		serve: body(rss('<item><title>cats</title><guid>ca</guid><category domain="x"><b>bold</b></category><category/></item>')),
		good: [...rssGood, 'cats'],
	},
	{
		name: 'rdf-with-broken-item',
		group: 'xml',
		serve: body(
			'<?xml version="1.0"?><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"><channel><title>RDF</title></channel>' +
				'<item><title>good one</title><link>https://news.example/1</link></item><item><title>broken<x></title></item><item><title>good two</title><link>https://news.example/2</link></item></rdf:RDF>',
		),
		good: ['good one', 'good two'],
	},
	{
		name: 'atom-invalid-dates',
		group: 'xml',
		serve: body(atom('<entry><title>bad dates</title><id>bd</id><published>not a date</published><updated>2024-13-45</updated></entry>')),
		good: [...atomGood, 'bad dates'],
	},
	{name: 'item-with-nothing', group: 'xml', serve: body(rss('<item></item><item><description></description></item>')), good: rssGood},
	{
		name: 'five-thousand-items-one-broken',
		group: 'xml',
		serve: body(
			rss(
				Array.from({length: 5000}, (_, index) =>
					index === 2500 ? '<item><title>bro<ken</title></item>' : `<item><title>bulk ${index}</title><guid>bulk-${index}</guid></item>`,
				).join(''),
			),
		),
		good: [...rssGood, 'bulk 0', 'bulk 2499', 'bulk 2501', 'bulk 4999'],
	},
	{
		name: 'entity-expansion-doctype',
		group: 'xml',
		serve: body(
			`<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]>` +
				rss('<item><title>laugh &c;</title><guid>lol</guid></item>').replace('<?xml version="1.0" encoding="utf-8"?>', ''),
		),
		good: ['good one', 'good two'],
	},
	{name: 'rss-091', group: 'xml', serve: body(rss('').replace('version="2.0"', 'version="0.91"')), good: rssGood},
	{name: 'rss-without-version', group: 'xml', serve: body(rss('').replace(' version="2.0"', '')), good: rssGood},
	{
		name: 'atom-entry-without-id-or-link',
		group: 'xml',
		serve: body(atom('<entry><summary>no id, no link, no title</summary></entry><entry></entry>')),
		good: atomGood,
	},
	{
		name: 'atom-xhtml-title',
		group: 'xml',
		serve: body(
			atom('<entry><title type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml">x<b>html</b> title</div></title><id>xt</id></entry>'),
		),
		good: atomGood,
	},
	{
		name: 'comments-and-processing-instructions',
		group: 'xml',
		serve: body(rss('<!-- c --><?pi x?><item><!-- <item> --><title>around</title><guid>pi</guid></item>')),
		good: [...rssGood, 'around'],
	},
	{
		name: 'prefixed-elements',
		group: 'xml',
		serve: body(
			rss(
				'<item><title>prefixed</title><guid>px</guid><dc:creator xmlns:dc="http://purl.org/dc/elements/1.1/">\u001B[2Jme</dc:creator></item>',
			),
		),
		good: [...rssGood, 'prefixed'],
	},
	{
		name: 'html-served-as-feed',
		group: 'xml',
		serve: body('<!doctype html><html><head><title>x</title></head><body>not a feed</body></html>', 'application/rss+xml'),
		good: [],
		fails: true,
	},
	{
		name: 'xml-that-is-not-a-feed',
		group: 'xml',
		serve: body('<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"><title>svg</title></svg>'),
		good: [],
		fails: true,
	},
	{name: 'empty-document', group: 'xml', serve: body(''), good: [], fails: true},
	{name: 'only-white-space', group: 'xml', serve: body(' \n\t\n '), good: [], fails: true},
	{
		name: 'binary-noise',
		group: 'xml',
		serve: body(new Uint8Array(Array.from({length: 4096}, (_, index) => (index * 7919) % 256)), 'application/octet-stream'),
		good: [],
		fails: true,
	},
];

const json: HostileCase[] = [
	{
		name: 'json-invalid',
		group: 'json',
		serve: body('{"version": "https://jsonfeed.org/version/1.1", "items": [', 'application/feed+json'),
		good: [],
		fails: true,
	},
	{name: 'json-not-a-feed', group: 'json', serve: body('{"hello": "world"}', 'application/json'), good: [], fails: true},
	{
		name: 'json-items-not-a-list',
		group: 'json',
		serve: body('{"version": "https://jsonfeed.org/version/1.1", "title": "x", "items": {"a": 1}}', 'application/feed+json'),
		good: [],
	},
	{
		name: 'json-fields-of-the-wrong-type',
		group: 'json',
		serve: body(
			jsonFeed([{id: 5, title: {nested: true}, url: ['x'], date_published: 12}, 'string item', null, 7]),
			'application/feed+json',
		),
		good: jsonGood,
	},
	{
		name: 'json-deeply-nested-item',
		group: 'json',
		serve: body(jsonFeed([{id: 'deep', title: 'deep json', extra: JSON.parse(deep('[', ']', 2000, '1'))}]), 'application/feed+json'),
		good: [...jsonGood, 'deep json'],
	},
	{
		name: 'json-megabyte-content',
		group: 'json',
		serve: body(jsonFeed([{id: 'big', title: 'big json', content_html: megabyte('&lt;<')}]), 'application/feed+json'),
		good: [...jsonGood, 'big json'],
	},
	{
		name: 'json-escapes-in-strings',
		group: 'json',
		serve: body(jsonFeed(escapes.map((escape, index) => ({id: `e${index}`, title: `esc${index} ${escape}`}))), 'application/feed+json'),
		good: jsonGood,
	},
	{name: 'json-with-bom', group: 'json', serve: body(`\uFEFF${jsonFeed([])}`, 'application/feed+json'), good: jsonGood},
	{
		name: 'json-duplicate-ids',
		group: 'json',
		serve: body(jsonFeed([{id: 'good-1', title: 'impostor'}]), 'application/feed+json'),
		good: jsonGood,
		check: (items) => (items.some((item) => item.title === 'impostor') ? 'a duplicate id replaced the first' : undefined),
	},
	{
		name: 'json-impossible-dates',
		group: 'json',
		serve: body(jsonFeed([{id: 'jd', title: 'json date', date_published: '2023-02-29T00:00:00Z'}]), 'application/feed+json'),
		good: [...jsonGood, 'json date'],
		check: (items) => (items.find((item) => item.title === 'json date')?.published ? 'kept 29 February 2023' : undefined),
	},
];

const http: HostileCase[] = [
	{name: 'status-404', group: 'http', serve: status(404), good: [], fails: true},
	{name: 'status-500', group: 'http', serve: status(500), good: [], fails: true},
	{name: 'status-410', group: 'http', serve: status(410), good: [], fails: true},
	{
		name: 'status-429-garbage-retry-after',
		group: 'http',
		serve: status(429, {'retry-after': 'soon-ish, maybe <tomorrow>'}),
		good: [],
		fails: true,
		backsOff: true,
	},
	{
		name: 'status-503-huge-retry-after',
		group: 'http',
		serve: status(503, {'retry-after': '999999999999999999999'}),
		good: [],
		fails: true,
		backsOff: true,
	},
	{
		name: 'status-429-negative-retry-after',
		group: 'http',
		serve: status(429, {'retry-after': '-3600'}),
		good: [],
		fails: true,
		backsOff: true,
	},
	{
		name: 'status-503-date-retry-after',
		group: 'http',
		serve: status(503, {'retry-after': 'Fri, 31 Dec 9999 23:59:59 GMT'}),
		good: [],
		fails: true,
		backsOff: true,
	},
	{name: 'redirect-loop', group: 'http', serve: redirectTo('/case/redirect-loop'), good: [], fails: true},
	{name: 'redirect-to-file', group: 'http', serve: redirectTo('file:///etc/passwd'), good: [], fails: true},
	{name: 'redirect-to-ftp', group: 'http', serve: redirectTo('ftp://files.example/feed.xml', 301), good: [], fails: true},
	{name: 'redirect-to-data', group: 'http', serve: redirectTo('data:application/rss+xml,<rss/>'), good: [], fails: true},
	{name: 'redirect-without-location', group: 'http', serve: (_request, response) => response.writeHead(302).end(), good: [], fails: true},
	{name: 'redirect-chain-then-feed', group: 'http', serve: redirectTo('/case/bare-ampersands', 307), good: rssGood},
	{
		name: 'stall-after-headers',
		group: 'http',
		serve: (_request, response) => {
			response.writeHead(200, {'content-type': 'application/rss+xml'});
			response.write('<?xml version="1.0"?><rss version="2.0"><channel>');
		},
		good: [],
		fails: true,
	},
	{
		name: 'endless-body',
		group: 'http',
		serve: (_request, response) => {
			response.writeHead(200, {'content-type': 'application/rss+xml'});
			const chunk = Buffer.alloc(65_536, 'x');
			const pump = () => {
				while (!response.destroyed && response.write(chunk));
				if (!response.destroyed) response.once('drain', pump);
			};

			pump();
		},
		good: [],
		fails: true,
	},
	{
		name: 'gzip-bomb',
		group: 'http',
		serve: body(gzipSync(Buffer.alloc(64 * 1024 * 1024)), 'application/rss+xml', {'content-encoding': 'gzip'}),
		good: [],
		fails: true,
	},
	{
		name: 'reset-mid-body',
		group: 'http',
		serve: (_request, response) => {
			response.writeHead(200, {'content-type': 'application/rss+xml', 'content-length': '100000'});
			response.write(rss('').slice(0, 200));
			setTimeout(() => response.socket?.destroy(), 50);
		},
		good: [],
		fails: true,
	},
	{name: 'wrong-content-type', group: 'http', serve: body(rss(''), 'text/plain'), good: rssGood},
	{
		name: 'html-error-page',
		group: 'http',
		serve: body('<html><body><h1>Service unavailable</h1></body></html>', 'text/html'),
		good: [],
		fails: true,
	},
	{
		name: 'lying-content-encoding',
		group: 'http',
		serve: body(rss(''), 'application/rss+xml', {'content-encoding': 'gzip'}),
		good: [],
		fails: true,
	},
	{
		name: 'slow-drip',
		group: 'http',
		serve: (_request, response) => {
			response.writeHead(200, {'content-type': 'application/rss+xml'});
			const text = rss('');
			const parts = [text.slice(0, 100), text.slice(100, 300), text.slice(300)];
			const next = () => {
				const part = parts.shift();
				if (part === undefined) response.end();
				else {
					response.write(part);
					setTimeout(next, 150);
				}
			};

			next();
		},
		good: rssGood,
	},
	{name: 'status-401', group: 'http', serve: status(401, {'www-authenticate': 'Basic realm="x"'}), good: [], fails: true},
	{
		name: 'empty-gzip-body',
		group: 'http',
		serve: body(new Uint8Array(), 'application/rss+xml', {'content-encoding': 'gzip'}),
		good: [],
		fails: true,
	},
	{
		name: 'truncated-gzip',
		group: 'http',
		// Cut mid-stream: what arrived whole is still delivered, or the feed fails; it never hangs.
		serve: body(
			gzipSync(
				rss(Array.from({length: 400}, (_, index) => `<item><title>n ${index}</title><guid>n${index}</guid></item>`).join('')),
			).subarray(0, 1500),
			'application/rss+xml',
			{
				'content-encoding': 'gzip',
			},
		),
		good: [],
	},
	{
		name: 'deflate-encoded',
		group: 'http',
		serve: body(deflateSync(rss('')), 'application/rss+xml', {'content-encoding': 'deflate'}),
		good: rssGood,
	},
	{
		name: 'brotli-encoded',
		group: 'http',
		serve: body(brotliCompressSync(rss('')), 'application/rss+xml', {'content-encoding': 'br'}),
		good: rssGood,
	},
	{name: 'feed-served-as-html', group: 'http', serve: body(rss(''), 'text/html; charset=utf-8'), good: rssGood},
	{name: 'permanent-redirect-to-feed', group: 'http', serve: redirectTo('/case/wrong-content-type', 301), good: rssGood},
	{
		name: 'basic-auth-required',
		group: 'http',
		serve: (request, response) => {
			const expected = `Basic ${Buffer.from('reader:s3cr:et').toString('base64')}`;
			if (request.headers.authorization === expected) body(rss(''))(request, response);
			else status(401, {'www-authenticate': 'Basic realm="feeds"'})(request, response);
		},
		good: rssGood,
	},
];

const latin1 = (text: string) => new Uint8Array(Buffer.from(text, 'latin1'));
const utf16 = (text: string) => new Uint8Array(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]));
const cafe = (declaration = '') =>
	`<?xml version="1.0"${declaration}?><rss version="2.0"><channel><title>Charset</title><item><title>café crème</title><guid>c</guid></item>${goodItems()}</channel></rss>`;

const charset: HostileCase[] = [
	{
		name: 'header-says-latin1-bytes-are-utf8',
		group: 'charset',
		serve: body(cafe(), 'application/rss+xml; charset=iso-8859-1'),
		good: ['café crème', 'good one'],
	},
	{
		name: 'declaration-says-latin1-bytes-are-utf8',
		group: 'charset',
		serve: body(cafe(' encoding="ISO-8859-1"'), 'application/rss+xml'),
		good: ['café crème', 'good one'],
	},
	{
		name: 'windows-1252-header-bytes-are-utf8',
		group: 'charset',
		serve: body(cafe(), 'text/xml; charset=windows-1252'),
		good: ['café crème', 'good one'],
	},
	{
		name: 'real-latin1-declared',
		group: 'charset',
		serve: body(latin1(cafe(' encoding="ISO-8859-1"')), 'application/rss+xml'),
		good: ['café crème', 'good one'],
	},
	{name: 'latin1-undeclared', group: 'charset', serve: body(latin1(cafe()), 'application/rss+xml'), good: ['café crème', 'good one']},
	{
		name: 'utf16-with-bom',
		group: 'charset',
		serve: body(utf16(cafe(' encoding="UTF-16"')), 'application/rss+xml'),
		good: ['café crème', 'good one'],
	},
	{
		name: 'unknown-charset-label',
		group: 'charset',
		serve: body(cafe(), 'application/rss+xml; charset=x-klingon'),
		good: ['café crème', 'good one'],
	},
	{
		name: 'bom-overrules-header',
		group: 'charset',
		serve: body(new Uint8Array([0xef, 0xbb, 0xbf, ...Buffer.from(cafe())]), 'application/rss+xml; charset=windows-1251'),
		good: ['café crème', 'good one'],
	},
	{
		name: 'invalid-utf8-bytes',
		group: 'charset',
		serve: body(
			new Uint8Array([...Buffer.from(rss('').slice(0, 120)), 0xff, 0xfe, 0xc3, ...Buffer.from(rss('').slice(120))]),
			'application/rss+xml; charset=utf-8',
		),
		good: rssGood,
	},
];

const terminal: HostileCase[] = [
	...escapes.map((escape, index): HostileCase => ({
		name: `escape-in-title-${index}`,
		group: 'terminal',
		serve: body(
			rss(
				`<item><title><![CDATA[before ${escape} after]]></title><guid>esc</guid><description><![CDATA[<p>${escape}</p>]]></description><author>${escape.replaceAll('&', '&amp;')}</author></item>`,
			),
		),
		good: rssGood,
	})),
	{
		name: 'escape-in-feed-title',
		group: 'terminal',
		serve: body(rss('').replace('<title>Hostile</title>', '<title><![CDATA[Hostile \u001B]0;pwned\u0007 \u202Etitle]]></title>')),
		good: rssGood,
	},
	{
		name: 'carriage-returns-in-title',
		group: 'terminal',
		serve: body(rss('<item><title>line\rover\r\nwritten</title><guid>cr</guid></item>')),
		good: rssGood,
	},
	{
		name: 'newline-in-link',
		group: 'terminal',
		serve: body(rss('<item><title>nl link</title><link>https://news.example/a\n\u001B[2J/b</link><guid>nl</guid></item>')),
		good: [...rssGood, 'nl link'],
	},
	{
		name: 'escape-in-category',
		group: 'terminal',
		serve: body(rss('<item><title>cat esc</title><guid>ce</guid><category><![CDATA[\u001B[31mred]]></category></item>')),
		good: [...rssGood, 'cat esc'],
	},
	{
		name: 'hundred-kilobyte-guid',
		group: 'terminal',
		serve: body(rss(`<item><title>long guid</title><guid>${'g'.repeat(100_000)}</guid></item>`)),
		good: [...rssGood, 'long guid'],
	},
	{
		name: 'lone-surrogates-and-nonchars',
		group: 'terminal',
		serve: body(rss('<item><title>odd &#xFFFE; chars</title><guid>sur</guid></item>')),
		good: rssGood,
	},
];

export const hostileCases: readonly HostileCase[] = [...xml, ...json, ...http, ...charset, ...terminal];

/** URL path of a case on the fault server. */
export const casePath = (name: string) => `/case/${name}`;

/** Anything a terminal would act on: ESC, C0 (but tab and newline) and C1 controls, DEL, bidi overrides. */
// eslint-disable-next-line no-control-regex
export const controlSequence = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/;
