import {spawn} from 'node:child_process';

/** One way to open a URL: a program and its arguments, the URL already among them. Never a shell. */
export type Opener = {readonly command: string; readonly args: readonly string[]};

export type OpenResult = {readonly ok: true; readonly command: string} | {readonly ok: false; readonly reason: string};

/**
 * The openers to try, in order: each entry of `$BROWSER` (colon-separated, as the convention goes;
 * `%s` stands for the URL, else it comes last), then the platform's own (`open`, `xdg-open`, `wslview`).
 */
export function openersFor(url: string, env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): Opener[] {
	const fromBrowser = (env['BROWSER'] ?? '')
		.split(':')
		.map((entry) => entry.trim().split(/\s+/).filter(Boolean))
		.filter((words) => words.length > 0)
		.map(([command, ...args]) => {
			const withUrl = args.map((arg) => arg.replaceAll('%s', url));
			return {command: command!, args: args.some((arg) => arg.includes('%s')) ? withUrl : [...withUrl, url]};
		});
	const native =
		platform === 'darwin' ? ['open'] : platform === 'win32' ? ['explorer'] : ['xdg-open', ...(env['WSL_DISTRO_NAME'] ? ['wslview'] : [])];
	return [...fromBrowser, ...native.map((command) => ({command, args: [url]}))];
}

/** How long an opener may run before it counts as started (browsers keep running; openers exit at once). */
const settleMs = 1500;

/** Tries each opener until one starts and does not fail at once; says which, or why none did. */
export async function openUrl(url: string, openers: readonly Opener[] = openersFor(url)): Promise<OpenResult> {
	const failures: string[] = [];
	for (const opener of openers) {
		const outcome = await tryOpener(opener);
		if (outcome === 'ok') return {ok: true, command: opener.command};
		failures.push(`${opener.command}: ${outcome}`);
	}

	return {ok: false, reason: failures.length > 0 ? failures.join('; ') : 'no browser or opener is set up'};
}

async function tryOpener(opener: Opener): Promise<'ok' | string> {
	return new Promise((resolve) => {
		let settled = false;
		const settle = (outcome: string) => {
			if (settled) return;
			settled = true;
			clearTimeout(timer);
			resolve(outcome);
		};

		const child = spawn(opener.command, [...opener.args], {detached: true, stdio: 'ignore'});
		const timer = setTimeout(() => settle('ok'), settleMs);
		child.on('error', (error: NodeJS.ErrnoException) => settle(error.code === 'ENOENT' ? 'not found' : error.message));
		child.on('exit', (code, signal) => settle(code === 0 ? 'ok' : signal ? `stopped by ${signal}` : `exited with ${code}`));
		child.unref();
	});
}
