import {execFile} from 'node:child_process';
import {randomUUID} from 'node:crypto';
import {promisify} from 'node:util';

const run = promisify(execFile);

/**
 * A real terminal for end-to-end tests: a detached tmux session of a fixed size. Everything is
 * asynchronous so that servers in the test process keep answering the program under test.
 */
export class TmuxSession {
	readonly name = `broadsheet-${randomUUID().slice(0, 8)}`;

	static async available(): Promise<boolean> {
		return run('tmux', ['-V']).then(
			() => true,
			() => false,
		);
	}

	async start(command: string, options: {width: number; height: number}): Promise<void> {
		await run('tmux', ['new-session', '-d', '-s', this.name, '-x', String(options.width), '-y', String(options.height), command]);
	}

	async keys(...keys: string[]): Promise<void> {
		for (const key of keys) {
			await run('tmux', ['send-keys', '-t', this.name, key]);
			await new Promise((resolve) => setTimeout(resolve, key === 'Escape' ? 150 : 60));
		}
	}

	/** The screen as text, or with its colours and attributes (SGR sequences) when `escapes` is set. */
	async screen(escapes = false): Promise<string> {
		const {stdout} = await run('tmux', ['capture-pane', '-t', this.name, '-p', ...(escapes ? ['-e'] : [])]);
		return stdout;
	}

	async waitFor(check: (screen: string) => boolean, what: string, timeout = 10_000, pollMs = 50): Promise<string> {
		const started = Date.now();
		for (;;) {
			const screen = await this.screen();
			if (check(screen)) return screen;
			if (Date.now() - started > timeout) throw new Error(`timed out waiting for ${what}; the screen:\n${screen}`);
			await new Promise((resolve) => setTimeout(resolve, pollMs));
		}
	}

	async display(format: string): Promise<string> {
		const {stdout} = await run('tmux', ['display-message', '-p', '-t', this.name, format]);
		return stdout.trim();
	}

	async kill(): Promise<void> {
		await run('tmux', ['kill-session', '-t', this.name]).catch(() => undefined);
	}
}
