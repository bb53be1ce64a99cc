import {mkdtempSync, readFileSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import test from 'ava';
import {writeChunks} from '../../source/commands/output-stream.js';

test('a large export waits for the file many times without leaving a listener behind (no MaxListeners warning), and is whole', async (t) => {
	const directory = mkdtempSync(join(tmpdir(), 'broadsheet-output-'));
	t.teardown(() => rmSync(directory, {recursive: true, force: true}));
	const warnings: Error[] = [];
	const onWarning = (warning: Error) => warnings.push(warning);
	process.on('warning', onWarning);
	t.teardown(() => process.off('warning', onWarning));
	const line = `${'x'.repeat(1023)}\n`;
	// 8 MiB in 1 KiB chunks: over a hundred 64 KiB writes, each waiting for the file to drain.
	function* chunks() {
		for (let index = 0; index < 8192; index++) yield line;
	}

	const output = join(directory, 'export.ndjson');
	await writeChunks(chunks(), output);
	await new Promise((resolve) => setImmediate(resolve));
	t.is(readFileSync(output, 'utf8').length, 8192 * 1024);
	t.deepEqual(
		warnings.map((warning) => warning.name),
		[],
	);
});
