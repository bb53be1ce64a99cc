import {Box} from 'ink';
import {headlineScreenRows, type HeadlineScreen} from '../headline-rows.js';
import {Row} from './styled.js';

/** The headline screen: the feeds column and the visible window of the list, as the first paint draws them. */
export function HeadlinesScreen(screen: HeadlineScreen) {
	const rows = headlineScreenRows(screen);
	return (
		<Box flexDirection="column" height={screen.height}>
			{rows.map((row, index) => (
				// Rows are screen lines: the line number is the identity.
				<Row key={index} segments={row} />
			))}
		</Box>
	);
}
