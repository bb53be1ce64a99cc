import {collapseWhitespace} from '../text/html-text.js';
import {blockText, spansText} from './document.js';
import type {DraftBlock} from './draft.js';

/*
 * Furniture that reaches the body as text, whatever its markup: "Sign up for our newsletter",
 * "Share this article", "© 2020 … All rights reserved", "Posted in …", "No comments", a photo credit
 * standing alone, "About the author" and the bio under it. Judged on short blocks only: a
 * paragraph of prose that mentions a newsletter is still prose. The phrases are the ones news
 * and blog templates print in the corpus's languages (English, German, French, Spanish, Italian, Polish…).
 */

/** Longest block that can be furniture. */
const maxFurnitureLength = 220;

/** Anywhere in the body. */
const furnitureText = new RegExp(
	[
		// Copyright and rights.
		String.raw`^(?:©|\(c\)\s|copyright\b)`,
		String.raw`\b(?:all rights reserved|alle rechte vorbehalten|todos los derechos reservados|tous droits réservés|tutti i diritti riservati|wszelkie prawa zastrzeżone|materiał chroniony prawem)`,
		// Newsletters, subscriptions, apps, social accounts.
		String.raw`^(?:sign up|subscribe|join our|get our|don't miss|never miss|abonniere|abonnieren|abonnez|inscrivez|suscr[ií]b|zapisz się|zapraszamy (?:też )?do subskrypcji|melden sie sich|registriere dich|verpasse keine|verpassen sie keine)\b`,
		String.raw`\b(?:newsletter|to our (?:mailing list|newsletter)|in your inbox|right to your inbox|straight to your inbox)\b.{0,80}$`,
		String.raw`^(?:follow|folge|folgen sie|síguenos|suivez|seguici|obserwuj)\b.{0,80}\b(?:twitter|facebook|instagram|linkedin|youtube|telegram|whatsapp|tiktok|x|mastodon|bluesky)\b`,
		String.raw`\b(?:download (?:the|our) .{0,30}apps?|descarga (?:la|nuestra) app|canal de (?:telegram|youtube|whatsapp))\b`,
		// Sharing.
		String.raw`^(?:share|teilen|compartir|compártelo|partager|condividi|udostępnij)(?:\s+(?:this|the|on|via|it|now|article|story|post|page|artikel|beitrag|esta|nota|noticia|cet|article))*\s*[:!]?(?:\s*(?:facebook|twitter|x|whatsapp|linkedin|e-?mail|telegram|pinterest|reddit|messenger|flipboard|copy link)[,|]?)*$`,
		String.raw`\b(?:(?:diesen|den) (?:artikel|beitrag) (?:mit anderen )?teilen|share (?:this|the) (?:article|story|post|page)|artikel gefallen\?|vergiss nicht zu teilen)\b`,
		// Comments and ratings.
		String.raw`^(?:\d+\s+)?(?:comments?|kommentare?|comentarios?|commentaires?|commenti|komentarze?|responses?|replies)(?:\s*(?:insgesamt)?[:(]?\s*\d*\)?)?$`,
		String.raw`^(?:leave a (?:comment|reply)|post a comment|add a comment|no comments|keine kommentare|kommentar (?:schreiben|verfassen)|kommentare (?:schreiben|geschlossen)|comments are closed|be the first to comment|sei der erste|schreibe einen kommentar|deja un comentario|laisser un commentaire)\b`,
		String.raw`\b(?:must be logged in to (?:post|leave) a comment|um kommentare zu schreiben|uses akismet to reduce spam|verwendet akismet)\b`,
		String.raw`^(?:was this (?:article|page|post) (?:helpful|useful)|war (?:der|dieser) (?:artikel|beitrag) (?:nützlich|hilfreich)|hier können sie den artikel bewerten|rate this|\(?noch keine bewertungen\)?|bewerten sie)\b`,
		// Post metadata.
		String.raw`^(?:this (?:entry|post) was posted|posted in|filed under|tagged(?: with)?|tags?|schlagw(?:ö|oe)rter|stichw(?:ö|oe)rter|kategorien?|categor(?:y|ies|ía|ie)|rubrik|etiquetas)\s*:`,
		String.raw`^(?:this (?:entry|post) was posted|der beitrag wurde am|dieser (?:text|beitrag) wurde (?:am )?veröffentlicht)\b`,
		String.raw`^(?:aktualisiert|erstellt|veröffentlicht|zuletzt (?:aktualisiert|geändert)|published|updated|last (?:modified|updated)|posted|publicado|actualizado|publié|mis à jour|pubblicato|opublikowano)(?:\s+(?:am|on|le|el|il))?\s*:?\s*[\d\p{L}., :/-]{0,50}$`,
		// Advertising.
		String.raw`^[-–\s]*(?:anzeige|advertisement|advertising|werbung|publicidad|publicité|pubblicità|reklama|sponsored)[-–\s]*(?::.{0,80})?$`,
		String.raw`^\*?werbung\b|\badvertising disclosure\b|\badvertising disclaimer\b|^(?:affiliate|partner)-?links?\b`,
		// Photo credits standing alone.
		String.raw`^(?:photo|photos|foto|fotos|bild|bilder|image|picture|crédits? photos?|beitragsbild|titelbild|abbildung)\s*(?::|via|by|von)\s*.{1,80}$`,
		String.raw`^[\w .,/&()-]{0,40}\b(?:shutterstock|getty images|istock(?:photo)?|imago(?: images)?|picture[- ]alliance|adobe stock|unsplash|pixabay)(?:\.com)?\b[\w .,/&()-]{0,40}$`,
		String.raw`^\(?(?:credits?|crédito|créditos|bildnachweis|fotonachweis|bildquelle|fotocredit|image credit|photo credit)s?\s*:`,
		// A credit of slash-separated names: "AFP / MARCO BERTORELLO", "DCV / Oppitz".
		String.raw`^[\p{L}.&-]{2,25}(?: [\p{L}.&-]{1,25}){0,2}(?:\s*/\s*[\p{L}.&-]{2,25}(?: [\p{L}.&-]{1,25}){0,2}){1,2}$`,
		// Figure captions that lost their <figcaption>: "Figure 4: …", "Abbildung 2: …".
		String.raw`^(?:figure|fig\.|abbildung|abb\.|grafik|grafico|gráfico|ilustración|illustration)\s*\d*\s*:`,
		// Cookies.
		String.raw`\b(?:this (?:site|website) uses cookies|we use cookies|verwendet cookies|utiliza cookies|utilise des cookies)\b`,
		// Navigation words standing alone.
		String.raw`^(?:zurück|back|drucken|print|pdf|nach oben|back to top|to top|top|weiter|next|previous|vorheriger? (?:artikel|beitrag)|nächster (?:artikel|beitrag)|load more|mehr laden|lade weitere inhalte|drukuj|more about:?|mehr zu:?)$`,
	].join('|'),
	'iu',
);

/** Headings that open a box of furniture: the heading and what follows it up to the next heading go. */
const furnitureHeading = new RegExp(
	[
		String.raw`^(?:about the author|about me|über den autor|über die autorin|zur person|sobre el autor|à propos de l'auteur|l'auteur|o autorze)\b`,
		String.raw`^(?:related(?: (?:articles|posts|stories|content|coverage|links))?|more (?:from|on|stories|articles|like this)|you may (?:also )?like|you might (?:also )?(?:like|be interested)|recommended(?: for you)?|popular(?: posts| articles)?|most (?:read|popular|viewed)|latest (?:news|posts|articles)|recent posts|further reading|see also|also read|read (?:more|next|also))\b.{0,30}$`,
		String.raw`^(?:ähnliche (?:beiträge|artikel)|verwandte (?:artikel|beiträge|themen)|weitere (?:artikel|beiträge|informationen|infos|nachrichten|themen)|mehr zum thema|mehr (?:dazu|aus|von|zu)\b.{0,30}|auch interessant|das (?:könnte|dürfte) (?:dich|sie) auch interessieren|neueste (?:artikel|beiträge)|meistgelesen|meist-?(?:gelesen|diskutiert)|beliebte (?:artikel|beiträge)|schon gelesen\??|zum weiterlesen|lesen sie (?:auch|hier|mehr))\b.{0,30}$`,
		String.raw`^(?:à lire aussi|lire aussi|sur le même sujet|articles? (?:similaires|liés)|te puede interesar|le puede interesar|puedes ver|también te puede interesar|noticias relacionadas|más noticias|lee también|leggi anche|potrebbe interessarti|czytaj (?:też|także|więcej)|zobacz (?:też|także))\b.{0,30}$`,
		String.raw`^(?:comments?|kommentare?|comentarios|commentaires|commenti|komentarze|\d+\s+(?:comments?|kommentare?)|leave a (?:comment|reply)|share this|teilen|newsletter)\b.{0,30}$`,
	].join('|'),
	'iu',
);

export function isFurnitureText(text: string): boolean {
	return text.length <= maxFurnitureLength && furnitureText.test(text);
}

/** The body without furniture blocks; a heading that opens a furniture box takes its box with it. */
export function dropFurnitureBlocks(blocks: readonly DraftBlock[]): DraftBlock[] {
	const out: DraftBlock[] = [];
	let inBox = false;
	for (const block of blocks) {
		const text = collapseWhitespace(blockText(block));
		if (block.type === 'heading') {
			inBox = text.length <= 80 && furnitureHeading.test(text);
			if (inBox || isFurnitureText(text)) continue;
		} else if (inBox) {
			// A box holds short lines and links; a long paragraph means the article goes on.
			if (block.type === 'paragraph' && text.length > maxFurnitureLength) inBox = false;
			else continue;
		}

		if ((block.type === 'paragraph' || block.type === 'caption') && isFurnitureText(text)) continue;
		if (block.type === 'list') {
			const items = block.items.filter((item) => !isFurnitureText(collapseWhitespace(spansText(item.spans))));
			if (items.length === 0) continue;
			out.push(items.length === block.items.length ? block : {...block, items});
			continue;
		}

		out.push(block);
	}

	dropTrailingFragments(out);
	return out;
}

/** Ends like a sentence: full stop, question or exclamation mark, ellipsis or closing quotation mark. */
const sentenceEnd = /[.!?…:;"'”’»«)\]。！？」』）]$/u;
const maxFragmentLength = 80;

/**
 * After the article's last sentence, templates leave fragments: a signature, a credit, "Contact:",
 * a date, a heading that introduces nothing. Short paragraphs and headings that don't end like
 * a sentence are taken off the end; related lines and link lines there stay, and the scan goes on above them.
 */
function dropTrailingFragments(blocks: DraftBlock[]): void {
	for (let index = blocks.length - 1; index >= 0; index--) {
		const block = blocks[index]!;
		// A link line may be a related story: the related pass, which runs later, decides.
		if (block.type === 'related' || (block.type === 'paragraph' && block.spans.some((span) => span.href))) continue;
		if (block.type !== 'paragraph' && block.type !== 'heading') return;
		const text = collapseWhitespace(blockText(block));
		if (block.type === 'paragraph' && (text.length > maxFragmentLength || sentenceEnd.test(text))) return;
		blocks.splice(index, 1);
	}
}
