import {Box} from 'ink';
import {memo} from 'react';
import type {StoredItem} from '../../store/store.js';
import {emptyListRow, headlineRow} from '../headline-rows.js';
import type {Theme} from '../theme.js';
import {Row} from './styled.js';

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

/** The visible window of the headline list: one row per story, titles cut to the row, never wrapped. */
export function HeadlineList({rows, selected, active, width, height, showSource, theme, now, empty}: Props) {
	if (rows.length === 0) {
		return (
			<Box height={height} width={width}>
				<Row segments={emptyListRow(empty, width, theme)} />
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

const HeadlineRow = memo(function HeadlineRow({item, ...options}: RowProps) {
	return <Row segments={headlineRow(item, options)} />;
});
