import {Text} from 'ink';
import TextInput from 'ink-text-input';
import {sanitizeTerminal} from '../../text/sanitize.js';
import type {Theme} from '../theme.js';
import {Styled} from './styled.js';

type Props = {
	readonly label: string;
	readonly value: string;
	readonly onChange: (value: string) => void;
	readonly onSubmit: (value: string) => void;
	/** A problem with what was typed, shown after it; the input is kept. */
	readonly error?: string | undefined;
	readonly busy?: boolean;
	readonly theme: Theme;
};

/** A one-line prompt in place of the status line (add a feed, search). Esc is handled by the app. */
export function Prompt({label, value, onChange, onSubmit, error, busy, theme}: Props) {
	return (
		<Text wrap="truncate-end">
			<Styled look={theme.accent}>{`${label} `}</Styled>
			<TextInput value={value} onChange={onChange} onSubmit={onSubmit} focus={!busy} />
			{busy ? <Styled look={theme.muted}> …</Styled> : null}
			{error ? <Styled look={theme.error}>{`  ${sanitizeTerminal(error, {maxLength: 300})}`}</Styled> : null}
		</Text>
	);
}
