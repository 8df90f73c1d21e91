#!/usr/bin/env node
// The installed `lanyard` command: a tiny shim over the bundled CLI that `npm ci` builds in `prepare`.
// CommonJS (bin/package.json says so): an ES module entry would start Node's ES module loader,
// which a run that imports nothing else does not need.
'use strict';
const { existsSync } = require('node:fs');
const { join } = require('node:path');

const dist = join(__dirname, '..', 'dist');
if (!existsSync(join(dist, 'cli.cjs')) || !existsSync(join(dist, 'cli-boot.cjs'))) {
  process.stderr.write(
    'lanyard: the CLI is not built yet. Run `npm run build` (or `npm ci`) in the Lanyard folder.\n',
  );
  process.exit(70);
}
// Node 22.1+ keeps V8's code cache of the packages a command imports (the AWS SDK); the CLI's own
// bundle has Lanyard's cache (main/cli/compile-cache.ts) on every Node.
require('node:module').enableCompileCache?.();
// The SDK warns on every run about Node's support window; scripts parsing stderr should not see it.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
require(join(dist, 'cli-boot.cjs'))
  .boot(dist, process.argv.slice(2))
  .then(
    (code) => {
      process.exitCode = code;
    },
    // Before the CLI's own error handling: no home folder, an unreadable or damaged bundle.
    (e) => {
      process.stderr.write(`lanyard: could not start: ${e instanceof Error ? e.message : String(e)}\n`);
      process.exitCode = 70;
    },
  );
