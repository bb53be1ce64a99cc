import {spawn} from 'node:child_process';
import {repoDirectory} from './paths.js';

export type CliResult = {code: number | null; stdout: string; stderr: string};

/** Runs the CLI from source (through tsx) with no TTY, as scripts and cron jobs do. `home` sets BROADSHEET_HOME. */
export async function runCli(
	args: string[],
	options: {env?: Record<string, string>; home?: string; input?: string} = {},
): Promise<CliResult> {
	const child = spawn(process.execPath, ['--import', 'tsx', `${repoDirectory}cli.tsx`, ...args], {
		cwd: repoDirectory,
		env: {...process.env, ...(options.home ? {BROADSHEET_HOME: options.home} : {}), ...options.env},
		stdio: [options.input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'],
	});
	if (options.input !== undefined) child.stdin!.end(options.input);
	let stdout = '';
	let stderr = '';
	child.stdout!.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
	child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
	const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
	return {code, stdout, stderr};
}

/** runCli in one home, keeping every result: for journeys that check afterwards that nothing secret was ever printed. */
export function recordedCli(home: string): {cli: (args: string[], input?: string) => Promise<CliResult>; outputs: CliResult[]} {
	const outputs: CliResult[] = [];
	const cli = async (args: string[], input?: string) => {
		const result = await runCli(args, {home, ...(input === undefined ? {} : {input})});
		outputs.push(result);
		return result;
	};

	return {cli, outputs};
}
