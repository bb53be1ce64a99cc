import {Box, Text} from 'ink';
import {memo} from 'react';
import type {ArticleLayout, Line, LineSegment} from '../../render/article-lines.js';
import {hyperlink} from '../terminal-features.js';
import {mergeLooks, type Theme} from '../theme.js';
import {Styled} from './styled.js';

type Props = {
	readonly layout: ArticleLayout;
	readonly scroll: number;
	/** Focused link stop, or -1. */
	readonly focus: number;
	readonly width: number;
	readonly height: number;
	readonly theme: Theme;
	/** Make links clickable (OSC 8) in terminals that support it. */
	readonly hyperlinks?: boolean;
};

/** Only the visible window of the pre-wrapped lines is rendered: a 2,000-line article costs what a screenful does. */
export function ArticleView({layout, scroll, focus, width, height, theme, hyperlinks = false}: Props) {
	const margin = Math.max(0, Math.floor((width - layout.width) / 2));
	const visible = layout.lines.slice(scroll, scroll + height);
	return (
		<Box flexDirection="column" height={height} width={width}>
			{visible.map((line, index) => (
				<ArticleLine
					key={scroll + index}
					line={line}
					margin={margin}
					focus={focusOn(line, focus)}
					theme={theme}
					hrefs={hyperlinks ? layout.stops : undefined}
				/>
			))}
		</Box>
	);
}

/** The focus stop if it appears on this line, else -1: rows without it need not re-render when focus moves. */
function focusOn(line: Line, focus: number): number {
	return focus >= 0 && line.segments.some((segment) => segment.stop === focus) ? focus : -1;
}

type LineProps = {
	readonly line: Line;
	readonly margin: number;
	readonly focus: number;
	readonly theme: Theme;
	/** The link stops, when links are to be clickable. */
	readonly hrefs: ArticleLayout['stops'] | undefined;
};

const ArticleLine = memo(function ArticleLine({line, margin, focus, theme, hrefs}: LineProps) {
	return (
		<Text wrap="truncate-end">
			{' '.repeat(margin + line.indent)}
			{line.indent > 0 && line.segments.length > 0 && line.segments[0]!.role === 'blockquote' ? (
				<Styled look={theme.quote}>│ </Styled>
			) : null}
			{line.segments.map((segment, index) => (
				<Styled key={index} look={lookOf(segment, focus, theme)}>
					{hrefs && segment.stop !== undefined && !segment.marker ? hyperlink(hrefs[segment.stop]!.href, segment.text) : segment.text}
				</Styled>
			))}
		</Text>
	);
});

function lookOf(segment: LineSegment, focus: number, theme: Theme) {
	return mergeLooks(
		theme.roles[segment.role],
		segment.strong && {bold: true},
		segment.emphasis && {italic: true},
		segment.quote !== undefined && theme.quote,
		segment.link !== undefined && !segment.marker && theme.link,
		segment.marker && theme.marker,
		segment.stop !== undefined && segment.stop === focus && theme.focus,
	);
}
