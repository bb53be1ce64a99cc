import {exitCode, printError} from '../commands/output.js';
import {colorWanted} from './theme.js';

/**
 * `broadsheet` on a terminal: the headlines painted from the store, then the reader. Nothing here
 * loads Ink, the store or the network until it is needed, and Ink only for a real terminal.
 */
export async function startReader(options: {readonly home?: string | undefined; readonly color?: boolean | undefined}): Promise<number> {
	if (process.env['TERM'] === 'dumb') {
		printError(
			'TERM=dumb: this terminal cannot move the cursor, which the reader needs; use a command such as `broadsheet export --format markdown --unread` (see --help)',
		);
		return exitCode.usage;
	}

	if (!process.stdin.isTTY || !process.stdout.isTTY) {
		printError('no terminal here: use a command such as `broadsheet refresh` or `broadsheet export` (see --help)');
		return exitCode.usage;
	}

	const [{openLibrary}, {paintFirstScreen}] = await Promise.all([import('../commands/library.js'), import('./first-paint.js')]);
	const library = openLibrary(options.home);
	try {
		// Headlines on screen from the store first; Ink, React and the layout engine load after.
		const start = paintFirstScreen(library, {color: options.color, styleLevel: styleLevel(process.env, options.color)});
		try {
			const {runReader} = await withoutFetch(async () => import('./run.js'));
			await runReader(library, start);
		} finally {
			start.screen.leave();
		}
	} finally {
		library.close();
	}

	return exitCode.ok;
}

/**
 * Ink's layout engine (yoga, WebAssembly) loads its embedded binary through `fetch` when there is one,
 * which pulls in Node's whole HTTP client before the first frame (~45 ms); without it, it decodes
 * the binary directly. Fetch is back before anything needs the network.
 */
async function withoutFetch<T>(load: () => Promise<T>): Promise<T> {
	const descriptor = Object.getOwnPropertyDescriptor(globalThis, 'fetch');
	if (!descriptor?.configurable) return load();
	Reflect.deleteProperty(globalThis, 'fetch');
	try {
		return await load();
	} finally {
		Object.defineProperty(globalThis, 'fetch', descriptor);
	}
}

/**
 * How much styling this terminal takes: what TERM/COLORTERM promise, decided here rather than by
 * chalk, whose own detection turns everything off whenever CI is set. With NO_COLOR or --no-color
 * it stays at the basic level: level 0 would drop inverse and underline too, which the monochrome
 * theme (no colours to emit) needs to show focus and quotations.
 */
function styleLevel(env: NodeJS.ProcessEnv, flag: boolean | undefined): 1 | 2 | 3 {
	if (!colorWanted(env, flag)) return 1;
	if (/truecolor|24bit/i.test(env['COLORTERM'] ?? '')) return 3;
	return /256/.test(env['TERM'] ?? '') ? 2 : 1;
}
