import {Box} from 'ink';
import {memo} from 'react';
import {feedRow, feedWindowTop, type FeedEntry} from '../headline-rows.js';
import type {Theme} from '../theme.js';
import {Row} from './styled.js';

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
	const top = feedWindowTop(selected, entries.length, height);
	return (
		<Box flexDirection="column" width={width} height={height}>
			{entries.slice(top, top + height).map((entry, index) => (
				<Row key={entry.key} segments={feedRow(entry, width, theme, {selected: top + index === selected, active})} />
			))}
		</Box>
	);
});
