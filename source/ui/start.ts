import {exitCode, printError} from '../commands/output.js';

/**
 * `broadsheet` on a terminal: the headlines painted from the store, then the reader. Nothing here
 * loads Ink, the store or the network until it is needed, and Ink only for a real terminal.
 */
export async function startReader(options: {readonly home?: string | undefined; readonly color?: boolean | undefined}): Promise<number> {
	if (!process.stdin.isTTY || !process.stdout.isTTY) {
		printError('no terminal here: use a command such as `broadsheet refresh` or `broadsheet export` (see --help)');
		return exitCode.usage;
	}

	// Decide colour before chalk loads: its own detection turns colour off whenever CI is set.
	process.env['FORCE_COLOR'] = colorLevel(process.env, options.color);
	const [{openApp}, {paintFirstScreen}] = await Promise.all([import('../commands/context.js'), import('./first-paint.js')]);
	const context = openApp(options.home);
	try {
		// Headlines on screen from the store first; Ink, React and the layout engine load after.
		const start = paintFirstScreen(context, {color: options.color});
		try {
			const {runReader} = await withoutFetch(async () => import('./run.js'));
			await runReader(context, start);
		} finally {
			start.screen.leave();
		}
	} finally {
		context.close();
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

/** Colour depth for the reader on this terminal: none with NO_COLOR or --no-color, else what TERM/COLORTERM promise. */
function colorLevel(env: NodeJS.ProcessEnv, flag: boolean | undefined): string {
	if (flag === false || (env['NO_COLOR'] !== undefined && env['NO_COLOR'] !== '')) return '0';
	if (/truecolor|24bit/i.test(env['COLORTERM'] ?? '')) return '3';
	return /256/.test(env['TERM'] ?? '') ? '2' : '1';
}
