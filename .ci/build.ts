/**
 * Builds the published CLI into dist/: an ESM bundle (production React, devtools stubbed) split per
 * command, main.js and its chunks, behind a launcher, cli.js, that turns on Node's compile cache.
 * A few files load far faster than hundreds of small modules.
 */
import {readFileSync, rmSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {fileURLToPath} from 'node:url';
import {build} from 'esbuild';
import {dependencyEdits} from './dependency-edits.js';

const root = fileURLToPath(new URL('../', import.meta.url));

const {version} = JSON.parse(readFileSync(`${root}package.json`, 'utf8')) as {version: string};

// `--outdir <dir>` builds elsewhere (tests build into temporary directories, never over each other).
const outdirFlag = process.argv.indexOf('--outdir');
const outdir = outdirFlag === -1 ? 'dist' : process.argv[outdirFlag + 1]!;
const outPath = outdir.startsWith('/') ? outdir : `${root}${outdir}`;
rmSync(outPath, {recursive: true, force: true});
const result = await build({
	absWorkingDir: root,
	// dist/cli.js is a launcher (below) for main.js (every command) and reader.js (`broadsheet` alone);
	// the feed parser's worker thread is dist/parse-worker.js.
	entryPoints: {main: 'cli.tsx', reader: 'source/ui/reader-main.ts', 'parse-worker': 'source/feeds/parse-worker.ts'},
	outdir,
	// Each command's code loads only when that command runs: `read` never parses conf or SQLite code.
	splitting: true,
	// Chunks sit beside cli.js so that import.meta.url-relative paths (the parse worker) hold in every chunk.
	chunkNames: '[name]-[hash]',
	bundle: true,
	platform: 'node',
	format: 'esm',
	target: 'node22.13',
	minifySyntax: true,
	legalComments: 'linked',
	metafile: true,
	define: {
		'process.env.NODE_ENV': '"production"',
		BROADSHEET_VERSION: JSON.stringify(version),
	},
	alias: {'react-devtools-core': './.ci/stubs/react-devtools-core.js'},
	plugins: dependencyEdits,
	banner: {
		// CommonJS dependencies (rss-parser, xml2js) need `require`. The worker thread enables the compile cache itself.
		js: [
			"import {createRequire as __createRequire} from 'node:module';",
			"import __module from 'node:module';",
			'__module.enableCompileCache?.();',
			'const require = __createRequire(import.meta.url);',
		].join('\n'),
	},
});

// The launcher. Node's compile cache helps only modules compiled after it is enabled, so it is
// turned on here, before main.js (120 KiB) compiles: ~5 ms off every start once the cache is warm.
// With no arguments there are no flags to parse: the reader starts without meow (~30 ms).
writeFileSync(
	join(outPath, 'cli.js'),
	[
		'#!/usr/bin/env node',
		"import module from 'node:module';",
		'',
		'module.enableCompileCache?.();',
		"await import(process.argv.length > 2 ? './main.js' : './reader.js');",
		'',
	].join('\n'),
	{mode: 0o755},
);

for (const [file, output] of Object.entries(result.metafile.outputs)) {
	if (file.endsWith('.js')) console.log(`${file}: ${(output.bytes / 1024).toFixed(0)} KiB, version ${version}`);
}
