import {parseHTML} from 'linkedom';
import {absoluteHttpUrl} from '../net/url.js';
import {stripInertMarkup} from '../text/strip-inert.js';
import {tameMarkup} from '../text/tame-markup.js';

const feedTypes = /^application\/(?:rss|atom|feed|rdf)\+(?:xml|json)$|^application\/json$/i;

/** Feed URLs a web page advertises with `<link rel="alternate" type="application/rss+xml" href>`, in page order. */
export function discoverFeeds(html: string, pageUrl: string): string[] {
	const tamed = tameMarkup(stripInertMarkup(html));
	// Too large to be a page worth reading: it advertises nothing we follow.
	if (tamed === undefined) return [];

	const {document} = parseHTML(tamed);
	const base = absoluteHttpUrl(document.querySelector('base[href]')?.getAttribute('href'), pageUrl) ?? pageUrl;
	const urls: string[] = [];
	for (const link of Array.from(document.querySelectorAll('link[rel][href]'))) {
		const rel = (link.getAttribute('rel') ?? '').toLowerCase().split(/\s+/);
		if (!rel.includes('alternate') || !feedTypes.test(link.getAttribute('type')?.trim() ?? '')) continue;
		const url = absoluteHttpUrl(link.getAttribute('href'), base);
		if (url && !urls.includes(url)) urls.push(url);
	}

	return urls;
}
