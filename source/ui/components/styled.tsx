import {Text} from 'ink';
import type {ReactNode} from 'react';
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

/** One row of styled segments, cut at the edge rather than wrapped. */
export function Row({segments}: {readonly segments: StyledRow}) {
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
}
