/**
 * Feeds shaped like real full-text news, generated deterministically (never committed): every item
 * carries 3–8 KB of article HTML (dateline, figure with caption, quotations, links, a "Read more"
 * paragraph) in `content:encoded`, or in Atom `content` for every third feed.
 */

const words = (
	'the government said on monday that its plan would cut costs for families across the country while critics warned ' +
	'officials had not explained how the new rules would be paid for or when the first changes would take effect minister ' +
	'council report city police hospital school budget election court energy prices workers union talks agreement ' +
	'week year people company market shares investors growth inflation rates bank central climate water housing'
).split(' ');

/** mulberry32: a small seeded generator, so every run serves byte-identical feeds. */
function seeded(seed: number): () => number {
	let state = seed >>> 0;
	return () => {
		state = (state + 0x6d_2b_79_f5) >>> 0;
		let value = state;
		value = Math.imul(value ^ (value >>> 15), value | 1);
		value ^= value + Math.imul(value ^ (value >>> 7), value | 61);
		return ((value ^ (value >>> 14)) >>> 0) / 4_294_967_296;
	};
}

function sentence(random: () => number, length: number): string {
	const chosen = Array.from({length}, () => words[Math.floor(random() * words.length)]!);
	const text = chosen.join(' ');
	return text[0]!.toUpperCase() + text.slice(1) + '.';
}

function paragraph(random: () => number, prefix: string): string {
	const sentences = Array.from({length: 2 + Math.floor(random() * 3)}, () => sentence(random, 10 + Math.floor(random() * 14)));
	const kind = random();
	if (kind < 0.25)
		return `<p>“${sentences[0]}” said ${random() < 0.5 ? 'Maria Lopez' : 'John Smith'}, the council's chair. ${sentences.slice(1).join(' ')}</p>`;
	if (kind < 0.4)
		return `<p>${sentences[0]} <a href="https://news.example/${prefix}/related/${Math.floor(random() * 1000)}">${sentence(random, 5)}</a> ${sentences.slice(1).join(' ')}</p>`;
	if (kind < 0.5) return `<p>${sentences[0]} <em>${sentence(random, 4)}</em> <strong>${sentence(random, 3)}</strong></p>`;
	return `<p>${sentences.join(' ')}</p>`;
}

/** One item's article HTML, 3–8 KB. */
function articleHtml(random: () => number, prefix: string, number: number): string {
	const target = 3000 + Math.floor(random() * 5000);
	const parts = [
		`<p><strong>LONDON (Reuters) –</strong> ${sentence(random, 18)}</p>`,
		`<figure><img src="https://img.news.example/${prefix}/${number}.jpg" alt="${sentence(random, 6)}" width="800" height="450"><figcaption>${sentence(random, 9)} Photo: Agency</figcaption></figure>`,
	];
	let size = parts[0]!.length + parts[1]!.length;
	while (size < target - 200) {
		const next = paragraph(random, prefix);
		parts.push(next);
		size += next.length;
	}

	parts.push(`<blockquote><p>“${sentence(random, 14)}”</p></blockquote>`);
	parts.push(
		`<p><a href="https://news.example/${prefix}/${number}">Read more</a> · <a href="https://news.example/${prefix}/${number}#comments">Comments</a></p>`,
	);
	return parts.join('\n');
}

const escapeXml = (text: string) => text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');

/** Feed `index` of a rich corpus: RSS 2.0 with content:encoded, or Atom (every third feed). */
export function richFeed(index: number, itemsPerFeed: number): string {
	const random = seeded(index + 1);
	const prefix = `f${index}`;
	const atom = index % 3 === 2;
	const entries = Array.from({length: itemsPerFeed}, (_, item) => {
		const number = item;
		const date = new Date(Date.UTC(2026, 10, 1) - (itemsPerFeed - item) * 600_000 - index * 7000);
		const title = `${prefix} ${number}: ${sentence(random, 8).slice(0, -1)}`;
		const summary = sentence(random, 25);
		const html = articleHtml(random, prefix, number);
		const link = `https://news.example/${prefix}/${number}`;
		return atom
			? `<entry><title>${escapeXml(title)}</title><link rel="alternate" type="text/html" href="${link}"/><id>tag:news.example,2026:${prefix}-${number}</id><published>${date.toISOString()}</published><updated>${date.toISOString()}</updated><author><name>Staff reporter</name></author><category term="world"/><summary>${escapeXml(summary)}</summary><content type="html">${escapeXml(html)}</content></entry>`
			: `<item><title>${escapeXml(title)}</title><link>${link}</link><guid isPermaLink="false">${prefix}-${number}</guid><pubDate>${date.toUTCString()}</pubDate><dc:creator>Staff reporter</dc:creator><category>world</category><description>${escapeXml(summary)}</description><content:encoded><![CDATA[${html}]]></content:encoded></item>`;
	});
	return atom
		? `<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom"><title>Rich feed ${index}</title><link href="https://news.example/${prefix}/"/><id>tag:news.example,2026:${prefix}</id><updated>${new Date(Date.UTC(2026, 10, 1)).toISOString()}</updated>${entries.join('\n')}</feed>`
		: `<?xml version="1.0" encoding="utf-8"?>\n<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>Rich feed ${index}</title><link>https://news.example/${prefix}/</link><description>Full-text news</description>${entries.join('\n')}</channel></rss>`;
}
