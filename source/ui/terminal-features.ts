/**
 * Whether the terminal turns OSC 8 sequences into clickable links, from what terminals say about
 * themselves (the same signals as the supports-hyperlinks package). Inside tmux or screen: no,
 * unless forced, since they may pass the sequence on to a terminal that prints it.
 */
export function hyperlinksSupported(env: NodeJS.ProcessEnv): boolean {
	if (env['FORCE_HYPERLINK'] !== undefined) return env['FORCE_HYPERLINK'] !== '0';
	if (env['TMUX'] || /^screen|^tmux/.test(env['TERM'] ?? '')) return false;
	if (env['WT_SESSION'] || env['KITTY_WINDOW_ID'] || env['TERM'] === 'xterm-kitty' || env['KONSOLE_VERSION']) return true;
	if (['WezTerm', 'vscode', 'ghostty', 'Hyper'].includes(env['TERM_PROGRAM'] ?? '')) return true;
	if (env['TERM_PROGRAM'] === 'iTerm.app') {
		const [major = 0, minor = 0] = (env['TERM_PROGRAM_VERSION'] ?? '').split('.').map(Number);
		return major > 3 || (major === 3 && minor >= 1);
	}

	return Number(env['VTE_VERSION'] ?? 0) >= 5000;
}

/** An OSC 8 hyperlink around text; only for URLs we resolved ourselves, printable ASCII (URL.href always is). */
export function hyperlink(url: string, text: string): string {
	return /^https?:\/\/[\u0021-\u007E]+$/.test(url) ? `\u001B]8;;${url}\u0007${text}\u001B]8;;\u0007` : text;
}
