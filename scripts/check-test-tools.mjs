// `npm test` needs real peers and a real browser. On a bare machine, say once what is missing and how
// to install it, instead of a hundred ENOENT failures. `.ci/run` installs the same list.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const has = (cmd, args) => spawnSync(cmd, args, { stdio: 'ignore' }).status === 0;
const chromium = process.env.LANYARD_CHROMIUM ?? '/usr/bin/chromium';
const missing = [];
if (!existsSync(chromium)) missing.push({ what: `Chromium (${chromium})`, apt: 'chromium' });
if (!has('/usr/bin/aws', ['--version'])) missing.push({ what: 'AWS CLI v2 (/usr/bin/aws)', apt: 'awscli' });
if (!has('fish', ['--version'])) missing.push({ what: 'fish', apt: 'fish' });
if (!has('zsh', ['--version'])) missing.push({ what: 'zsh', apt: 'zsh' });
if (!has('bash', ['--version'])) missing.push({ what: 'bash', apt: 'bash' });
const python = has('python3', ['-c', 'import botocore']);

if (missing.length || !python) {
  const lines = ['npm test needs tools that are not on this machine:'];
  for (const m of missing) lines.push(`  - ${m.what}`);
  if (!python) lines.push('  - python3 with botocore');
  lines.push('', 'Install them (Debian/Ubuntu), then run npm test again:');
  if (missing.length) lines.push(`  sudo apt-get install -y ${missing.map((m) => m.apt).join(' ')}`);
  if (!python) lines.push('  python3 -m pip install botocore');
  lines.push('', 'Or run `bash .ci/run`, which installs them and runs lint, typecheck and the tests.');
  console.error(lines.join('\n'));
  process.exit(1);
}
