// Lint config, kept with the other tooling; `basePath` points it at the repository root.
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';
import {fileURLToPath} from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

export default tseslint.config(
	{basePath: root},
	{ignores: ['dist/**', 'node_modules/**', 'coverage/**', '.scratch/**', '.bench/**', '.build-*/**']},
	{basePath: root, files: ['**/*.{ts,tsx,js}'], extends: [js.configs.recommended, ...tseslint.configs.recommended]},
	{
		basePath: root,
		files: ['**/*.{ts,tsx}'],
		plugins: {'react-hooks': reactHooks},
		rules: {
			...reactHooks.configs.recommended.rules,
			'@typescript-eslint/no-unused-vars': [
				'error',
				{argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_'},
			],
			'@typescript-eslint/consistent-type-imports': ['error', {fixStyle: 'inline-type-imports'}],
			'no-constant-condition': ['error', {checkLoops: false}],
			eqeqeq: ['error', 'smart'],
		},
	},
	// Reader tests assert on the terminal's own escape sequences.
	{basePath: root, files: ['test/ui/**/*.{ts,tsx}', 'test/helpers/terminal-cells.ts'], rules: {'no-control-regex': 'off'}},
);
