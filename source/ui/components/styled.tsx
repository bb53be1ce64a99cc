import {Text} from 'ink';
import type {ReactNode} from 'react';
import type {Look} from '../theme.js';

/** Ink <Text> with a theme look applied. */
export function Styled({look, children}: {readonly look: Look; readonly children?: ReactNode}) {
	return (
		<Text color={look.color} bold={look.bold} italic={look.italic} underline={look.underline} dimColor={look.dim} inverse={look.inverse}>
			{children}
		</Text>
	);
}

/** Later looks win where they say something. */
export function mergeLooks(...looks: ReadonlyArray<Look | undefined | false>): Look {
	const merged: {-readonly [K in keyof Look]: Look[K]} = {};
	for (const look of looks)
		if (look) Object.assign(merged, Object.fromEntries(Object.entries(look).filter(([, value]) => value !== undefined)));
	return merged;
}
