import {spawn} from 'node:child_process';

export type Measurement = {wallMs: number; cpuMs: number; peakRssMb: number; code: number | null; stdout: string; stderr: string};

/**
 * Runs a command under GNU time (asynchronously, so servers in this process keep answering)
 * and reports wall time, CPU (user + system) and peak RSS.
 */
export async function measure(command: string, args: string[], env: NodeJS.ProcessEnv = process.env): Promise<Measurement> {
	const started = performance.now();
	const child = spawn('/usr/bin/time', ['-f', '__time__ %U %S %M', command, ...args], {env, stdio: ['ignore', 'pipe', 'pipe']});
	let stdout = '';
	let stderr = '';
	child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
	child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
	const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
	const wallMs = performance.now() - started;
	const match = /__time__ ([\d.]+) ([\d.]+) (\d+)/.exec(stderr);
	return {
		wallMs,
		cpuMs: match ? (Number(match[1]) + Number(match[2])) * 1000 : Number.NaN,
		peakRssMb: match ? Number(match[3]) / 1024 : Number.NaN,
		code,
		stdout,
		stderr: stderr.replace(/__time__.*\n?/, ''),
	};
}
