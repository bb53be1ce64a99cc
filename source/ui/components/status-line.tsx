import {memo} from 'react';
import {statusRow} from '../headline-rows.js';
import type {Theme} from '../theme.js';
import {Row} from './styled.js';

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
	return <Row segments={statusRow(hints, status, error, width, theme)} />;
});
