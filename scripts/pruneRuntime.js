// Trims a runtime install (npm ci --omit=dev) to what the compiled app loads, for the image.
// npm installs the prisma CLI and typescript there as optional peers of @prisma/client,
// and packages ship sources and binaries for every platform; none of it runs in production.
'use strict';
const fs = require('node:fs');
const path = require('node:path');

const modules = path.resolve(process.argv[2] || 'node_modules');
const platform = `${process.arch === 'arm64' ? 'aarch64' : 'x86_64'}-unknown-linux-gnu`;

/** Paths under node_modules the compiled api, worker and migrate never require. */
function unusedPaths() {
  const releases = path.join(modules, '@temporalio/core-bridge/releases');
  const otherPlatforms = fs.existsSync(releases)
    ? fs
        .readdirSync(releases)
        .filter((dir) => dir !== platform)
        .map((dir) => `@temporalio/core-bridge/releases/${dir}`)
    : [];
  const runtime = path.join(modules, '@prisma/client/runtime');
  const otherDatabases = fs.existsSync(runtime)
    ? fs
        .readdirSync(runtime)
        .filter((file) => /\.(mysql|cockroachdb|sqlserver|sqlite)\./.test(file))
        .map((file) => `@prisma/client/runtime/${file}`)
    : [];
  return [
    // the CLI and what only it needs (migrations run on @prisma/schema-engine-wasm)
    'prisma',
    '@prisma/dev',
    '@prisma/studio-core',
    '@prisma/streams-local',
    'typescript',
    // Rust sources of the Temporal core, built into the release binary kept above
    '@temporalio/core-bridge/sdk-core',
    ...otherPlatforms,
    ...otherDatabases,
  ];
}

function sizeOf(file) {
  const stat = fs.lstatSync(file);
  if (!stat.isDirectory()) return stat.size;
  return fs.readdirSync(file).reduce((sum, entry) => sum + sizeOf(path.join(file, entry)), 0);
}

let freed = 0;
for (const relative of unusedPaths()) {
  const file = path.join(modules, relative);
  if (!fs.existsSync(file)) continue;
  freed += sizeOf(file);
  fs.rmSync(file, { recursive: true, force: true });
}
console.log(`pruneRuntime: ${Math.round(freed / 1048576)} MB removed from ${modules}`);
