// One run of a bundle through the compile cache, in a process of its own: V8 keeps what it compiled
// in memory, so only a new process shows what the cache on disk does. Prints {state, answer}.
import { readFileSync } from 'node:fs';
import { compileCached } from '../../../../main/cli/compile-cache';

const [file, cacheDir] = process.argv.slice(2) as [string, string];
const run = compileCached(file, readFileSync(file, 'utf8'), cacheDir);
const exports = run.exports as { answer(): number; platform(): Promise<string> };
const answer = exports.answer();
const platform = await exports.platform();
run.save();
process.stdout.write(JSON.stringify({ state: run.state, answer, platform }));
