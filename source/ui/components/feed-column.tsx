import {Box, Text} from 'ink';
import {memo} from 'react';
import {sanitizeTerminal} from '../../text/sanitize.js';
import {displayWidth, truncateToWidth} from '../../text/wrap.js';
import type {Theme} from '../theme.js';
import {mergeLooks, Styled} from './styled.js';

export type FeedEntry = {readonly key: string; readonly label: string; readonly unread: number; readonly failed: boolean};

type Props = {
	readonly entries: readonly FeedEntry[];
	readonly selected: number;
	readonly active: boolean;
	readonly width: number;
	readonly height: number;
	readonly theme: Theme;
};

/** All, Starred and each feed with its unread count; ✗ marks a feed whose last refresh failed. */
export const FeedColumn = memo(function FeedColumn({entries, selected, active, width, height, theme}: Props) {
	const top = Math.max(0, Math.min(selected - Math.floor(height / 2), entries.length - height));
	return (
		<Box flexDirection="column" width={width} height={height}>
			{entries.slice(top, top + height).map((entry, index) => {
				const isSelected = top + index === selected;
				const count = entry.unread > 0 ? String(entry.unread) : '';
				const mark = entry.failed ? '✗' : ' ';
				const label = truncateToWidth(sanitizeTerminal(entry.label, {maxLength: 200}), Math.max(1, width - count.length - 4));
				const gap = ' '.repeat(Math.max(1, width - 3 - displayWidth(label) - count.length));
				return (
					<Text key={entry.key} wrap="truncate-end">
						<Styled look={entry.failed ? theme.error : theme.muted}>{mark}</Styled>
						<Styled
							look={mergeLooks(entry.unread > 0 ? theme.unread : theme.read, isSelected && (active ? theme.selection : {underline: true}))}
						>
							{` ${label}${gap}${count}`}
						</Styled>
					</Text>
				);
			})}
		</Box>
	);
});
