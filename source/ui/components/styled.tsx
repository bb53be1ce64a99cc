import {Text} from 'ink';
import {memo, type ReactNode} from 'react';
import type {Look} from '../theme.js';
import type {StyledRow} from '../headline-rows.js';

/** Ink <Text> with a theme look applied. */
export function Styled({look, children}: {readonly look: Look; readonly children?: ReactNode}) {
	return (
		<Text color={look.color} bold={look.bold} italic={look.italic} underline={look.underline} dimColor={look.dim} inverse={look.inverse}>
			{children}
		</Text>
	);
}

/**
 * One row of styled segments, cut at the edge rather than wrapped. Rows are rebuilt on every
 * render, so they are compared by what they show: moving the selection re-renders two rows.
 */
export const Row = memo(
	function Row({segments}: {readonly segments: StyledRow}) {
		return (
			<Text wrap="truncate-end">
				{/* A row's segments never reorder: their index is their identity. */}
				{segments.map((segment, index) => (
					<Styled key={index} look={segment.look}>
						{segment.text}
					</Styled>
				))}
			</Text>
		);
	},
	(before, after) =>
		before.segments.length === after.segments.length &&
		before.segments.every((segment, index) => {
			const other = after.segments[index]!;
			return segment.text === other.text && sameLook(segment.look, other.look);
		}),
);

function sameLook(a: Look, b: Look): boolean {
	return (
		a.color === b.color &&
		a.bold === b.bold &&
		a.italic === b.italic &&
		a.underline === b.underline &&
		a.dim === b.dim &&
		a.inverse === b.inverse
	);
}
