import {Box, Text} from 'ink';
import type {ArticleLayout} from '../../render/article-lines.js';
import {sanitizeTerminal} from '../../text/sanitize.js';
import type {HistoryEntry} from '../state/article-history.js';
import type {Theme} from '../theme.js';
import {ArticleView} from './article-view.js';
import {Styled} from './styled.js';

type Props = {
	readonly entry: HistoryEntry;
	readonly layout: ArticleLayout | undefined;
	readonly scroll: number;
	readonly focus: number;
	readonly width: number;
	readonly height: number;
	readonly theme: Theme;
	readonly hyperlinks: boolean;
	/** The keys named in the failure's hint, as bound. */
	readonly backKeys: string;
	readonly browserKey: string;
};

/** The article in front: loading, could not be read (and why), or the text. */
export function ArticleScreen({entry, layout, scroll, focus, width, height, theme, hyperlinks, backKeys, browserKey}: Props) {
	if (entry.status === 'ready' && layout) {
		return (
			<ArticleView layout={layout} scroll={scroll} focus={focus} width={width} height={height} theme={theme} hyperlinks={hyperlinks} />
		);
	}

	return (
		<Box height={height} width={width} paddingLeft={2} paddingTop={1} flexDirection="column">
			{entry.status === 'failed' ? (
				<>
					<Styled look={theme.error}>Could not open this page</Styled>
					<Text wrap="wrap">{sanitizeTerminal(entry.error ?? '')}</Text>
					<Text> </Text>
					<Styled look={theme.muted}>{`${backKeys} goes back · ${browserKey} opens it in the browser`}</Styled>
				</>
			) : (
				<Text wrap="truncate-end">
					<Styled look={theme.muted}>{`Loading ${sanitizeTerminal(entry.url)} …`}</Styled>
				</Text>
			)}
		</Box>
	);
}
