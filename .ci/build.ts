/**
 * Builds the published CLI: one ESM bundle (production React, devtools stubbed) in dist/cli.js.
 * One file loads far faster than hundreds of small modules, and Node's compile cache keeps it warm.
 */
import {readFileSync, rmSync} from 'node:fs';
import {fileURLToPath} from 'node:url';
import {build} from 'esbuild';

const root = fileURLToPath(new URL('../', import.meta.url));
const {version} = JSON.parse(readFileSync(`${root}package.json`, 'utf8')) as {version: string};

rmSync(`${root}dist`, {recursive: true, force: true});
const result = await build({
	absWorkingDir: root,
	entryPoints: ['cli.tsx'],
	outfile: 'dist/cli.js',
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

const bytes = Object.values(result.metafile.outputs).reduce((sum, output) => sum + output.bytes, 0);
console.log(`dist/cli.js: ${(bytes / 1024).toFixed(0)} KiB, version ${version}`);
