import {Box, Text} from 'ink';
import type {SpeakerQuotes} from '../../articles/speakers.js';
import {sanitizeTerminal} from '../../text/sanitize.js';
import type {Theme} from '../theme.js';
import {Styled} from './styled.js';

type Row = {
	readonly key: string;
	readonly kind: 'speaker' | 'quote' | 'gap';
	readonly text: string;
	readonly role?: string;
	readonly quote?: number;
};

/** Key quotes: every quotation of the article under its speaker, the selected one inverse; only the rows that fit are drawn. */
export function KeyQuotesOverlay({
	groups,
	selected,
	width,
	height,
	theme,
}: {
	readonly groups: readonly SpeakerQuotes[];
	/** The selected quotation's number. */
	readonly selected: number | undefined;
	readonly width: number;
	readonly height: number;
	readonly theme: Theme;
}) {
	const rows: Row[] = [];
	for (const group of groups) {
		if (rows.length > 0) rows.push({key: `gap-${rows.length}`, kind: 'gap', text: ''});
		rows.push({
			key: `speaker-${group.speaker ?? 'none'}`,
			kind: 'speaker',
			text: group.speaker ? sanitizeTerminal(group.speaker) : 'Not attributed',
			...(group.role ? {role: sanitizeTerminal(group.role)} : {}),
		});
		for (const {quote, text} of group.quotes)
			rows.push({key: `quote-${quote}`, kind: 'quote', text: sanitizeTerminal(text.replace(/\s+/g, ' ')), quote});
	}

	const window = Math.max(1, height - 4);
	const at = Math.max(
		0,
		rows.findIndex((row) => row.quote === selected),
	);
	const top = Math.max(0, Math.min(at - Math.floor(window / 2), rows.length - window));
	return (
		<Box flexDirection="column" width={width} height={height} paddingLeft={2}>
			<Styled look={theme.accent}>Key quotes</Styled>
			<Text> </Text>
			<Box flexDirection="column" height={window}>
				{rows.length === 0 ? <Styled look={theme.muted}>No quotations in this article</Styled> : null}
				{rows.slice(top, top + window).map((row) =>
					row.kind === 'speaker' ? (
						<Text key={row.key} wrap="truncate-end">
							<Styled look={theme.accent}>{row.text}</Styled>
							{row.role ? <Styled look={theme.muted}>{`  ${row.role}`}</Styled> : null}
						</Text>
					) : (
						<Text key={row.key} wrap="truncate-end" inverse={row.quote !== undefined && row.quote === selected}>
							{row.kind === 'quote' ? `  ${row.text}` : ' '}
						</Text>
					),
				)}
			</Box>
			<Text> </Text>
			<Text wrap="truncate-end">
				<Styled look={theme.muted}>j/k choose · Enter jumps to it in the text · K or Esc closes</Styled>
			</Text>
		</Box>
	);
}
