import {execFile, spawn} from 'node:child_process';
import {mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {createServer} from 'node:net';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {promisify} from 'node:util';
import {sharedDirectory} from './paths.js';

const run = promisify(execFile);
const scripts = join(sharedDirectory, 'servers/freshrss');

export type FreshRss = {
	readonly url: string;
	readonly apiUrl: string;
	readonly user: string;
	readonly password: string;
	readonly auth: string;
	/** Makes FreshRSS fetch every feed now. */
	refresh(): Promise<void>;
	/** A Google Reader API call as another client (a phone) would make it; returns the body. */
	api(path: string, form?: Record<string, string | string[]>): Promise<string>;
	stop(): Promise<void>;
	/** Starts the stopped server again on the same data and port. */
	restart(): Promise<void>;
	/** Stops the server and removes its data. */
	dispose(): Promise<void>;
};

/**
 * A real FreshRSS (../shared/servers/freshrss) on a free loopback port, in a data directory of its own.
 * PHP must be installed (.ci/run does it); a test never runs apt-get itself.
 */
export async function startFreshRss(options: {opml?: string} = {}): Promise<FreshRss> {
	const data = mkdtempSync(join(tmpdir(), 'freshrss-'));
	const port = await freePort();
	const {stdout} = await run(join(scripts, 'start-freshrss.sh'), [data, String(port)], {
		env: {...process.env, FRESHRSS_NO_APT: '1', ...(options.opml ? {FRESHRSS_OPML: options.opml} : {})},
	});
	const values = Object.fromEntries([...stdout.matchAll(/^(\w+)='(.*)'$/gm)].map((match) => [match[1]!, match[2]!]));
	const apiUrl = values['FRESHRSS_API_URL']!;
	const auth = values['FRESHRSS_AUTH']!;
	let token: string | undefined;
	const request = async (path: string, form?: Record<string, string | string[]>) => {
		const body = new URLSearchParams();
		for (const [key, value] of Object.entries(form ?? {})) for (const entry of [value].flat()) body.append(key, entry);
		const response = await fetch(`${apiUrl}/reader/api/0/${path}`, {
			method: form ? 'POST' : 'GET',
			headers: {authorization: `GoogleLogin auth=${auth}`},
			...(form ? {body} : {}),
		});
		const text = await response.text();
		if (!response.ok) throw new Error(`FreshRSS ${path}: HTTP ${response.status} ${text}`);
		return text;
	};

	return {
		url: values['FRESHRSS_URL']!,
		apiUrl,
		user: values['FRESHRSS_USER']!,
		password: values['FRESHRSS_API_PASSWORD']!,
		auth,
		async refresh() {
			await run(join(scripts, 'refresh-freshrss.sh'), [data]);
		},
		async api(path, form) {
			if (form) token ??= (await request('token')).trim();
			return request(path, form ? {...form, T: token!} : undefined);
		},
		async stop() {
			await run(join(scripts, 'stop-freshrss.sh'), [data]).catch(() => undefined);
		},
		async restart() {
			const child = spawn('php', ['-S', `127.0.0.1:${port}`, '-t', join(scripts, 'FreshRSS/p')], {
				env: {...process.env, DATA_PATH: data},
				detached: true,
				stdio: 'ignore',
			});
			child.unref();
			// The stop script reads the pid file: the new server is its process group's leader, as the first was.
			writeFileSync(join(data, 'freshrss.pid'), `${child.pid}\n`);
			for (let tries = 0; tries < 100; tries++) {
				const ok = await fetch(`${apiUrl}/reader/api/0/token`, {headers: {authorization: `GoogleLogin auth=${auth}`}})
					.then((response) => response.ok)
					.catch(() => false);
				if (ok) return;
				await new Promise((resolve) => setTimeout(resolve, 50));
			}

			throw new Error('FreshRSS did not come back');
		},
		async dispose() {
			await run(join(scripts, 'stop-freshrss.sh'), [data]).catch(() => undefined);
			rmSync(data, {recursive: true, force: true});
		},
	};
}

async function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const server = createServer();
		server.listen(0, '127.0.0.1', () => {
			const {port} = server.address() as {port: number};
			server.close(() => resolve(port));
		});
		server.on('error', reject);
	});
}
