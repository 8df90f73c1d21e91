#!/usr/bin/env node
// The installed `lanyard` command: a tiny shim over the bundled CLI that `npm ci` builds in `prepare`.
import module from 'node:module';
import { fileURLToPath } from 'node:url';

// Required, not imported: importing fs into an ES module reads every export, and its lazy ones load
// Node's stream stack, which most commands never use.
const { existsSync } = module.createRequire(import.meta.url)('node:fs');

// V8's code cache on disk (Node 22.1+): later runs skip compiling the CLI. Older Nodes do without.
if (typeof module.enableCompileCache === 'function') module.enableCompileCache();

const cli = new URL('../dist/cli.mjs', import.meta.url);
if (!existsSync(fileURLToPath(cli))) {
  process.stderr.write(
    'lanyard: the CLI is not built yet. Run `npm run build` (or `npm ci`) in the Lanyard folder.\n',
  );
  process.exit(70);
}
// The SDK warns on every run about Node's support window; scripts parsing stderr should not see it.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
const { main } = await import(cli.href);
process.exitCode = await main(process.argv.slice(2));
