import {homedir} from 'node:os';
import {join} from 'node:path';

/** Where Broadsheet keeps its files: one directory with --home / BROADSHEET_HOME, else the XDG locations. */
export type AppPaths = {
	readonly configDirectory: string;
	readonly configFile: string;
	readonly dataDirectory: string;
	readonly databaseFile: string;
	readonly stateDirectory: string;
	readonly logFile: string;
};

export function resolvePaths(home: string | undefined, env: NodeJS.ProcessEnv = process.env): AppPaths {
	const portable = home ?? (env['BROADSHEET_HOME'] || undefined);
	const userHome = homedir();
	const configDirectory = portable ?? join(env['XDG_CONFIG_HOME'] || join(userHome, '.config'), 'broadsheet');
	const dataDirectory = portable ?? join(env['XDG_DATA_HOME'] || join(userHome, '.local', 'share'), 'broadsheet');
	const stateDirectory = portable ?? join(env['XDG_STATE_HOME'] || join(userHome, '.local', 'state'), 'broadsheet');
	return {
		configDirectory,
		configFile: join(configDirectory, 'config.json'),
		dataDirectory,
		databaseFile: join(dataDirectory, 'broadsheet.db'),
		stateDirectory,
		logFile: join(stateDirectory, 'broadsheet.log'),
	};
}
