/**
 * Reads a password: the whole of stdin with --password-stdin (one trailing newline dropped), else
 * a line typed on the terminal without echo. Never from an argument (it would sit in the shell's history and `ps`).
 */
export async function readPassword(prompt: string, options: {fromStdin: boolean}): Promise<string> {
	if (options.fromStdin) {
		const chunks: Buffer[] = [];
		for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
		return Buffer.concat(chunks)
			.toString('utf8')
			.replace(/\r?\n$/, '');
	}

	const {stdin} = process;
	if (!stdin.isTTY) throw new Error('no terminal to ask the password on: pipe it in with --password-stdin');
	process.stderr.write(prompt);
	stdin.setRawMode(true);
	stdin.setEncoding('utf8');
	stdin.resume();
	try {
		return await new Promise<string>((resolve, reject) => {
			let typed = '';
			const onData = (text: string) => {
				for (const char of text) {
					if (char === '\r' || char === '\n') {
						stdin.off('data', onData);
						resolve(typed);
						return;
					}

					if (char === '\u0003' || char === '\u0004') {
						stdin.off('data', onData);
						reject(new Error('cancelled'));
						return;
					}

					if (char === '\u007F' || char === '\b') typed = [...typed].slice(0, -1).join('');
					else if (char === '\u0015') typed = '';
					else if (char >= ' ') typed += char;
				}
			};

			stdin.on('data', onData);
		});
	} finally {
		stdin.setRawMode(false);
		stdin.pause();
		process.stderr.write('\n');
	}
}
