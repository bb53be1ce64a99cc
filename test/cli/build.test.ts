import {execFile} from 'node:child_process';
import {promisify} from 'node:util';
import test from 'ava';
import {fixturesDirectory, repoDirectory, seedHost, seedPath} from '../helpers/paths.js';

const run = promisify(execFile);

test('the bundled CLI builds and reads the seed page', async (t) => {
	await run(process.execPath, ['--import', 'tsx', '.ci/build.ts'], {cwd: repoDirectory});
	const {stdout} = await run(process.execPath, [
		`${repoDirectory}dist/cli.js`,
		'read',
		`${fixturesDirectory}${seedHost}${seedPath}`,
		'--width',
		'0',
	]);
	t.true(stdout.startsWith('Tillerson to Lavrov: Russian meddling led to mistrust\n\n'));
	t.regex(stdout, /\nSource: Al Jazeera, News Agencies\n$/);
	const version = await run(process.execPath, [`${repoDirectory}dist/cli.js`, '--version']);
	t.regex(version.stdout, /^\d+\.\d+\.\d+\n$/);
});
