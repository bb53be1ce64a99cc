/**
 * The address of a story with the parts that differ between copies of the same page removed: the
 * scheme, `www.` / `m.` / `mobile.` / `amp.` hosts, AMP paths and switches, tracking parameters, the
 * fragment, a trailing slash, an `index.html`. Two items whose links give the same key link the same
 * article. Null for anything that is not an http(s) URL with a path beyond the site's root (a feed
 * that links every item to its home page says nothing about which story an item is).
 */
export function canonicalStoryUrl(link: string | null): string | null {
	if (!link) return null;
	// Most links are a host and a plain path: no need for a URL parser (a microsecond each, 50,000 per refresh).
	const plain = plainLink.exec(link);
	if (plain) {
		const path = storyPath(plain[2] ?? '');
		return path ? `${plain[1]!.toLowerCase().replace(hostPrefix, '')}${path}` : null;
	}

	let url: URL;
	try {
		url = new URL(link);
	} catch {
		return null;
	}

	if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
	const host = url.hostname.toLowerCase().replace(hostPrefix, '');
	const path = storyPath(url.pathname);
	const query = [...url.searchParams]
		.filter(([name, value]) => !isTrackingParameter(name.toLowerCase(), value))
		.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
		.map(([name, value]) => `${name}=${value}`)
		.join('&');
	if (path === '' && query === '') return null;
	return `${host}${url.port ? `:${url.port}` : ''}${path}${query ? `?${query}` : ''}`;
}

// An absolute http(s) link with a plain host and a path of unreserved characters (no query, fragment,
// escapes, dot segments or port), which a URL parser would leave as it is. Every part of it can match
// one way only: linear in the link whatever it holds.
const plainLink = /^https?:\/\/([a-z\d-]+(?:\.[a-z\d-]+)+)((?:\/[\w~-]+(?:\.[\w~-]+)*)*\/?)$/i;
const hostPrefix = /^(?:www\d?|m|mobile|amp)\./;

/** The path without AMP variants, `index.html` and trailing slashes ("" for the root). */
function storyPath(pathname: string): string {
	return pathname
		.replace(/\/amp(?:\.html)?\/?$/i, '/')
		.replace(/^\/amp\//i, '/')
		.replace(/\.amp(\.html?)?$/i, '$1')
		.replace(/\/(?:index\.(?:html?|php|aspx?))$/i, '/')
		.replace(/\/+$/, '');
}

// Parameters that say where a reader came from, never which page they read.
const trackingNames = new Set([
	'amp',
	'cmp',
	'cmpid',
	'ocid',
	'ncid',
	'fbclid',
	'gclid',
	'dclid',
	'msclkid',
	'mc_cid',
	'mc_eid',
	'igshid',
	'ref',
	'ref_src',
	'ref_url',
	'referrer',
	'source',
	'src',
	'ftag',
	'ito',
	'rss',
	'feed',
	'partner',
	'share',
	'smid',
	'smtyp',
	'sr_share',
	'spm',
	'at_medium',
	'at_campaign',
	'at_custom1',
	'at_custom2',
	'at_custom3',
	'at_custom4',
	'yptr',
	'guccounter',
	'guce_referrer',
	'guce_referrer_sig',
	'_ga',
	'_gl',
]);

function isTrackingParameter(name: string, value: string): boolean {
	if (name.startsWith('utm_') || name.startsWith('ns_') || name.startsWith('pk_') || name.startsWith('mtm_')) return true;
	// `output=amp`, `outputType=amp`, `amp=1`: AMP switches; `output=xml` elsewhere is a page of its own.
	if (name === 'output' || name === 'outputtype') return value.toLowerCase() === 'amp';
	return trackingNames.has(name);
}
