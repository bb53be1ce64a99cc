import {Box, Text} from 'ink';
import type {KeyMap, Screen} from '../keymap.js';
import type {Theme} from '../theme.js';
import {Styled} from './styled.js';

/** Every key of the current screen, from the same key map that handles them. */
export function HelpOverlay({
	keymap,
	screen,
	width,
	height,
	theme,
}: {
	readonly keymap: KeyMap;
	readonly screen: Screen;
	readonly width: number;
	readonly height: number;
	readonly theme: Theme;
}) {
	const entries = keymap.help(screen);
	const keyWidth = Math.min(28, Math.max(...entries.map((entry) => entry.keys.length)) + 2);
	return (
		<Box flexDirection="column" width={width} height={height} paddingLeft={2} paddingTop={1}>
			<Styled look={theme.accent}>{screen === 'headlines' ? 'Headlines: keys' : 'Article: keys'}</Styled>
			<Text> </Text>
			{entries.slice(0, Math.max(0, height - 4)).map((entry) => (
				<Text key={entry.help} wrap="truncate-end">
					<Styled look={theme.accent}>{entry.keys.padEnd(keyWidth)}</Styled>
					{entry.help}
				</Text>
			))}
			<Text> </Text>
			<Styled look={theme.muted}>? or Esc closes this help</Styled>
		</Box>
	);
}
