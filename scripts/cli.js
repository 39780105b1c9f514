#!/usr/bin/env node
/*
 * `npm run cli -- <command>`: the operator CLI (dist/apps/cli). In a checkout beside `npm start`
 * it finds that local database and its keys by itself (.data/dev/runtime.env and secrets.env, or
 * VIR_DATA_DIR); whatever the environment sets wins. Builds first when there is no build yet.
 * In the Docker image the environment comes from the container (see docs/operations.md).
 */
'use strict';
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const ROOT = path.join(__dirname, '..');
const env = { ...process.env };
const dataDir = path.resolve(ROOT, env.VIR_DATA_DIR || '.data/dev');

// The local `npm start` data, for keys the environment does not set.
for (const file of ['runtime.env', 'secrets.env']) {
  const full = path.join(dataDir, file);
  if (!fs.existsSync(full)) continue;
  for (const line of fs.readFileSync(full, 'utf8').split('\n')) {
    const at = line.indexOf('=');
    if (at > 0 && !env[line.slice(0, at)]) env[line.slice(0, at)] = line.slice(at + 1);
  }
}

const main = path.join(ROOT, 'dist/apps/cli/src/main.js');
if (!fs.existsSync(main)) {
  const built = spawnSync('npm', ['run', '-s', 'build'], { cwd: ROOT, stdio: ['ignore', 'inherit', 'inherit'] });
  if (built.status !== 0) process.exit(built.status ?? 1);
}
const result = spawnSync(process.execPath, [main, ...process.argv.slice(2)], { cwd: ROOT, env, stdio: 'inherit' });
process.exit(result.status ?? 1);
