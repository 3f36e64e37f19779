/**
 * `npm run ledger` run in the test's own process: the command's own code
 * (`runLedger` in scripts/update-ledger.ts) with its lines caught, as the
 * tests that record edits, renames and refusals call it a couple of dozen
 * times (a Node process of its own cost about 1.2 s of CPU each, mostly
 * starting Node and loading the Markdown pipeline). The command as a process
 * of its own, exit code included, is still run by `edit/incremental-build`.
 */
import { runLedger } from '../../scripts/update-ledger.ts';

/** What a run printed and how it ended, as a process's exit code and output would say. */
export interface LedgerRun {
	code: number;
	/** Every line it printed, its lines and its refusals in order, each ending in a newline. */
	out: string;
}

/**
 * Run the ledger command on a project folder.
 *
 * @param root
 *   The project (`--root`).
 * @param args
 *   Further arguments (`--check`, `--retire <id> --reason "…"`).
 * @returns
 *   Its exit code and output.
 */
export async function ledgerRun(root: string, ...args: string[]): Promise<LedgerRun> {
	let out = '';
	const line = (text: string) => {
		out += `${text}\n`;
	};
	const code = await runLedger(['--root', root, ...args], { log: line, error: line });
	return { code, out };
}
