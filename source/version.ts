// Injected by the bundler (.ci/build.ts); read from package.json when running from source.
import {createRequire} from 'node:module';

declare const BROADSHEET_VERSION: string | undefined;

function readVersion(): string {
	if (typeof BROADSHEET_VERSION === 'string') return BROADSHEET_VERSION;
	const require = createRequire(import.meta.url);
	return (require('../package.json') as {version: string}).version;
}

export const version = readVersion();
export const homepage = 'https://www.npmjs.com/package/broadsheet';
export const userAgent = `broadsheet/${version} (+${homepage})`;
