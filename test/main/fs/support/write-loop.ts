// Child process for the crash-safety test: rewrites a file forever until killed.
import { writeFileAtomic } from '../../../../main/fs/atomic';

const [target, a, b] = process.argv.slice(2) as [string, string, string];
const contents = [a.repeat(200_000), b.repeat(200_000)];
process.stdout.write('ready\n');
for (let i = 0; ; i++) await writeFileAtomic(target, contents[i % 2]!);
