import {execFile} from 'node:child_process';
import {randomUUID} from 'node:crypto';
import {rmSync, statSync, watch, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
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

	/**
	 * Milliseconds from starting `command` until the screen satisfies `check`, for benchmarks. The
	 * session waits at a prompt while the pane's output is piped to a file; the clock starts as
	 * Enter is sent, and the screen is read only when the file says new output has arrived
	 * (inotify, no polling: a polling loop competes with the program for the CPU and delayed its
	 * first paint by ~30 ms here). The time is when the output that satisfied `check` arrived.
	 */
	async timeUntil(
		command: string,
		options: {width: number; height: number},
		check: (screen: string) => boolean,
		timeout = 20_000,
	): Promise<number> {
		const output = join(tmpdir(), `${this.name}.out`);
		writeFileSync(output, '');
		const watcher = watch(output);
		try {
			await this.start(`read go; ${command}`, options);
			await run('tmux', ['pipe-pane', '-t', this.name, '-O', `cat >> '${output}'`]);
			const started = performance.now();
			await run('tmux', ['send-keys', '-t', this.name, 'Enter']);
			let seen = 0;
			for (;;) {
				const size = statSync(output).size;
				if (size > seen) {
					const arrived = performance.now();
					seen = size;
					if (check(await this.screen())) return arrived - started;
					continue;
				}

				if (performance.now() - started > timeout) throw new Error(`timed out; the screen:\n${await this.screen()}`);
				// The next change to the file, or a slow tick in case an event was coalesced away.
				await new Promise((resolve) => {
					const tick = setTimeout(resolve, 100);
					watcher.once('change', () => {
						clearTimeout(tick);
						resolve(undefined);
					});
				});
			}
		} finally {
			watcher.close();
			rmSync(output, {force: true});
		}
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
