import {Box, Text, useInput} from 'ink';
import TextInput from 'ink-text-input';
import {useEffect, useState} from 'react';
import {sanitizeTerminal} from '../../text/sanitize.js';
import {wrapText} from '../../text/wrap.js';
import {editLine, type Line} from '../state/line-editor.js';
import type {Theme} from '../theme.js';
import {Styled} from './styled.js';

type Props = {
	readonly label: string;
	readonly line: Line;
	readonly onEdit: (line: Line) => void;
	readonly onSubmit: (value: string) => void;
	/** A problem with what was typed, wrapped under it; the input is kept. */
	readonly error?: string | undefined;
	readonly busy?: boolean;
	readonly width: number;
	readonly theme: Theme;
};

/** How many rows the prompt takes: its line, and the error wrapped under it (three rows at most). */
export function promptHeight(error: string | undefined, width: number): number {
	if (!error) return 1;
	return 1 + Math.min(3, wrapText(`  ${sanitizeTerminal(error, {maxLength: 300})}`, Math.max(1, width)).length);
}

/**
 * A prompt in place of the status line (add a feed, search) with a shell's line editing. The line
 * and its cursor are Broadsheet's (state/line-editor.ts); ink-text-input draws them. It keeps its
 * cursor to itself and starts it at the end of the value it is mounted with, so it is mounted anew
 * whenever the line changes, first over the text before the cursor (that puts its cursor there),
 * then given the whole line (a cursor inside the text stays where it is). Esc is the app's.
 */
export function Prompt({label, line, onEdit, onSubmit, error, busy = false, width, theme}: Props) {
	// Keys that leave the line as it is still remount it: ink-text-input would have moved its own cursor.
	const [nudge, setNudge] = useState(0);
	const mountKey = `${nudge}:${line.cursor}:${line.value}`;
	const [placedKey, setPlacedKey] = useState('');
	// The second commit is the point: ink-text-input must have been mounted over the clipped text first.
	useEffect(() => setPlacedKey(mountKey), [mountKey]); // eslint-disable-line react-hooks/set-state-in-effect
	const shown = placedKey === mountKey ? line.value : line.value.slice(0, line.cursor);

	useInput(
		(input, key) => {
			if (key.return) {
				onSubmit(line.value);
				return;
			}

			// Pasted without bracketed paste (some terminals): the text, then its newline as Enter.
			const newline = input.length > 1 ? input.search(/[\r\n]/) : -1;
			if (newline !== -1) {
				onSubmit(editLine(line, {input: input.slice(0, newline)}).value);
				return;
			}

			const ignored = key.escape || key.upArrow || key.downArrow || key.tab || key.pageDown || key.pageUp || (key.ctrl && input === 'c');
			const next = editLine(line, {...key, input, ignored});
			if (next === line) setNudge((value) => value + 1);
			else onEdit(next);
		},
		{isActive: !busy},
	);

	return (
		<Box flexDirection="column" width={width}>
			<Text wrap="truncate-start">
				<Styled look={theme.accent}>{`${label} `}</Styled>
				<TextInput key={mountKey} value={shown} onChange={ignoreChange} focus={!busy} />
				{busy ? <Styled look={theme.muted}> …</Styled> : null}
			</Text>
			{error ? (
				<Box height={promptHeight(error, width) - 1} overflow="hidden">
					<Text wrap="wrap">
						<Styled look={theme.error}>{`  ${sanitizeTerminal(error, {maxLength: 300})}`}</Styled>
					</Text>
				</Box>
			) : null}
		</Box>
	);
}

/** The line changes through editLine only: what ink-text-input would make of a key is not used. */
function ignoreChange(): void {}
