import {Box, Text} from 'ink';
import type {KeyMap, Screen} from '../keymap.js';
import type {Theme} from '../theme.js';
import {Styled} from './styled.js';

/** Rows of keys the overlay shows at once in `height` rows (its title, a gap, a gap and the footer take four). */
export function helpWindow(height: number): number {
	return Math.max(1, height - 4);
}

/** Every key of the current screen, from the same key map that handles them; scrolls when they do not fit. */
export function HelpOverlay({
	keymap,
	screen,
	scroll,
	width,
	height,
	theme,
}: {
	readonly keymap: KeyMap;
	readonly screen: Screen;
	/** The first entry shown. */
	readonly scroll: number;
	readonly width: number;
	readonly height: number;
	readonly theme: Theme;
}) {
	const entries = keymap.help(screen);
	const keyWidth = Math.min(28, Math.max(...entries.map((entry) => entry.keys.length)) + 2);
	const window = helpWindow(height);
	const top = Math.max(0, Math.min(scroll, entries.length - window));
	const scrolls = entries.length > window;
	const where = scrolls ? ` · ${top + 1}–${Math.min(entries.length, top + window)} of ${entries.length}, j/k scroll` : '';
	// Short terminals: no top padding, so that the title and the footer always show.
	return (
		<Box flexDirection="column" width={width} height={height} paddingLeft={2}>
			<Styled look={theme.accent}>{screen === 'headlines' ? 'Headlines: keys' : 'Article: keys'}</Styled>
			<Text> </Text>
			<Box flexDirection="column" height={window}>
				{entries.slice(top, top + window).map((entry) => (
					<Text key={entry.help} wrap="truncate-end">
						<Styled look={theme.accent}>{entry.keys.padEnd(keyWidth)}</Styled>
						{entry.help}
					</Text>
				))}
			</Box>
			<Text> </Text>
			<Text wrap="truncate-end">
				<Styled look={theme.muted}>{`? or Esc closes this help${where}`}</Styled>
			</Text>
		</Box>
	);
}
