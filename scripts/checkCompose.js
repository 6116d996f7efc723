// npm run check:compose: validates docker-compose.yml without Docker (scripts/checkCompose.py),
// with the compose_spec parser from PyPI installed into .tools/compose-venv on first use.
'use strict';
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const venv = path.join(root, '.tools', 'compose-venv');
const python = path.join(venv, 'bin', 'python');

if (!fs.existsSync(python)) {
  execFileSync(process.env.PYTHON || 'python3', ['-m', 'venv', venv], { stdio: 'inherit' });
  execFileSync(
    python,
    ['-m', 'pip', 'install', '--disable-pip-version-check', '-q', 'compose-spec==0.2.1', 'PyYAML==6.0.3'],
    {
      stdio: 'inherit',
    },
  );
}
try {
  execFileSync(
    python,
    [
      path.join(__dirname, 'checkCompose.py'),
      ...(process.argv.slice(2).length
        ? process.argv.slice(2)
        : ['docker-compose.yml', 'scripts/compose/small-site.yml']),
    ],
    {
      cwd: root,
      stdio: 'inherit',
    },
  );
} catch {
  process.exit(1);
}
