/**
 * Builds the published CLI: one ESM bundle (production React, devtools stubbed) in dist/cli.js.
 * One file loads far faster than hundreds of small modules, and Node's compile cache keeps it warm.
 */
import {readFileSync, rmSync} from 'node:fs';
import {fileURLToPath} from 'node:url';
import {build} from 'esbuild';

const root = fileURLToPath(new URL('../', import.meta.url));
const {version} = JSON.parse(readFileSync(`${root}package.json`, 'utf8')) as {version: string};

// `--outdir <dir>` builds elsewhere (tests build into temporary directories, never over each other).
const outdirFlag = process.argv.indexOf('--outdir');
const outdir = outdirFlag === -1 ? 'dist' : process.argv[outdirFlag + 1]!;
rmSync(outdir.startsWith('/') ? outdir : `${root}${outdir}`, {recursive: true, force: true});
const result = await build({
	absWorkingDir: root,
	// The feed parser's worker thread is loaded from dist/parse-worker.js, beside cli.js.
	entryPoints: {cli: 'cli.tsx', 'parse-worker': 'source/feeds/parse-worker.ts'},
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
	banner: {
		// The shebang comes from cli.tsx. CommonJS dependencies (rss-parser, xml2js) need `require`.
		js: [
			"import {createRequire as __createRequire} from 'node:module';",
			"import __module from 'node:module';",
			'__module.enableCompileCache?.();',
			'const require = __createRequire(import.meta.url);',
		].join('\n'),
	},
});

for (const [file, output] of Object.entries(result.metafile.outputs)) {
	if (file.endsWith('.js')) console.log(`${file}: ${(output.bytes / 1024).toFixed(0)} KiB, version ${version}`);
}
