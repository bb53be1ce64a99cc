import {Box, Text} from 'ink';
import {memo} from 'react';
import type {StoredItem} from '../../store/store.js';
import {relativeAge} from '../../text/relative-time.js';
import {sanitizeTerminal} from '../../text/sanitize.js';
import {displayWidth, truncateToWidth} from '../../text/wrap.js';
import type {Theme} from '../theme.js';
import {mergeLooks, Styled} from './styled.js';

type Props = {
	readonly rows: readonly StoredItem[];
	/** Index in `rows` of the selected row, or -1. */
	readonly selected: number;
	readonly active: boolean;
	readonly width: number;
	readonly height: number;
	readonly showSource: boolean;
	readonly theme: Theme;
	readonly now: Date;
	readonly empty: string;
};

/** The visible window of the headline list: one <Text> per row, titles cut to the row, never wrapped. */
export function HeadlineList({rows, selected, active, width, height, showSource, theme, now, empty}: Props) {
	if (rows.length === 0) {
		return (
			<Box height={height} width={width} paddingLeft={1}>
				<Styled look={theme.muted}>{truncateToWidth(sanitizeTerminal(empty, {maxLength: 300}), Math.max(1, width - 2))}</Styled>
			</Box>
		);
	}

	return (
		<Box flexDirection="column" height={height} width={width}>
			{rows.map((item, index) => (
				<HeadlineRow
					key={item.id}
					item={item}
					selected={index === selected}
					active={active}
					width={width}
					showSource={showSource}
					theme={theme}
					now={now}
				/>
			))}
		</Box>
	);
}

type RowProps = {
	readonly item: StoredItem;
	readonly selected: boolean;
	readonly active: boolean;
	readonly width: number;
	readonly showSource: boolean;
	readonly theme: Theme;
	readonly now: Date;
};

const HeadlineRow = memo(function HeadlineRow({item, selected, active, width, showSource, theme, now}: RowProps) {
	const age = relativeAge(item.published ?? item.firstSeen, now).padStart(5);
	const source = showSource
		? truncateToWidth(sanitizeTerminal(item.feedTitle ?? '', {maxLength: 200}), Math.min(18, Math.floor(width / 5)))
		: '';
	const mark = item.starred ? '★' : item.read ? ' ' : '●';
	const fixed = 2 + (source ? displayWidth(source) + 2 : 0) + age.length + 1;
	const title = truncateToWidth(sanitizeTerminal(item.title, {maxLength: 1000}), Math.max(1, width - fixed));
	const padding = ' '.repeat(Math.max(0, width - fixed - displayWidth(title)));
	const look = mergeLooks(item.read ? theme.read : theme.unread, selected && (active ? theme.selection : {underline: true}));
	return (
		<Text wrap="truncate-end">
			<Styled look={look}>
				{mark} {title}
				{padding}
			</Styled>
			{source ? <Styled look={mergeLooks(theme.muted, selected && active && theme.selection)}>{`  ${source}`}</Styled> : null}
			<Styled look={mergeLooks(theme.muted, selected && active && theme.selection)}>{` ${age}`}</Styled>
		</Text>
	);
});
