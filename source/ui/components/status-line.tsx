import {Text} from 'ink';
import {memo} from 'react';
import {sanitizeTerminal} from '../../text/sanitize.js';
import {displayWidth, truncateToWidth} from '../../text/wrap.js';
import type {Theme} from '../theme.js';
import {mergeLooks, Styled} from './styled.js';

type Props = {
	readonly hints: string;
	/** Progress, a message, or the focused link's URL. */
	readonly status: string;
	readonly error: boolean;
	readonly width: number;
	readonly theme: Theme;
};

/** One row at the bottom: the keys that matter here on the left, what is happening on the right. */
export const StatusLine = memo(function StatusLine({hints, status, error, width, theme}: Props) {
	const right = truncateToWidth(sanitizeTerminal(status, {maxLength: 2000}), Math.max(0, width - 2));
	const room = Math.max(0, width - displayWidth(right) - 2);
	const left = truncateToWidth(hints, room);
	const gap = ' '.repeat(Math.max(1, width - displayWidth(left) - displayWidth(right) - 1));
	return (
		<Text wrap="truncate-end">
			<Styled look={theme.statusBar}>{` ${left}${gap}`}</Styled>
			<Styled look={mergeLooks(theme.statusBar, error && theme.error)}>{right}</Styled>
		</Text>
	);
});
