/** rss-parser's helpers module, whose snippet maker Broadsheet switches off (see xml-feed.ts). */
declare module 'rss-parser/lib/utils.js' {
	const utils: {getSnippet(html: string): string};
	export default utils;
}
