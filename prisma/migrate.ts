// Prisma migrations through the WebAssembly build of Prisma's own schema engine
// (@prisma/schema-engine-wasm, the engine prisma 7.10.0 uses), driven through a
// driver adapter. Needs no native binary and no download. `_prisma_migrations`
// is written in the native layout, so native `prisma migrate deploy` works on the
// same database where the native engine is available.
import fs from 'node:fs';
import path from 'node:path';
import {
  bindMigrationAwareSqlAdapterFactory,
  type SqlMigrationAwareDriverAdapterFactory,
} from '@prisma/driver-adapter-utils';

export const migrationsDir = path.join(__dirname, 'migrations');
export const schemaPath = path.join(__dirname, 'schema.prisma');
const lockfileName = 'migration_lock.toml';

type WasmEngine = {
  applyMigrations(input: unknown): Promise<{ appliedMigrationNames: string[] }>;
  diff(input: unknown): Promise<{ exitCode: number; stdout?: string }>;
  free(): void;
};

/** The wasm-bindgen glue of the schema engine: the two entry points used here. */
interface WasmBindings {
  __wbg_set_wasm(exports: unknown): void;
  SchemaEngine: { new: (options: unknown, log: (msg: string) => void, factory: unknown) => Promise<WasmEngine> };
}
interface WasmApi {
  Module: new (bytes: Buffer) => unknown;
  Instance: new (module: unknown, imports: unknown) => { exports: { __wbindgen_start(): void } };
}

let wasmReady: WasmBindings | undefined;
function loadWasmBindings(): WasmBindings {
  if (wasmReady) return wasmReady;
  const pkgDir = path.dirname(require.resolve('@prisma/schema-engine-wasm'));
  // The package is ESM; its bg module only defines functions, so load it as CommonJS text.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const bg = require(path.join(pkgDir, 'schema_engine_bg.js')) as WasmBindings;
  const wasm = (globalThis as unknown as { WebAssembly: WasmApi }).WebAssembly; // not in the ES2022 lib typings
  const module = new wasm.Module(fs.readFileSync(path.join(pkgDir, 'schema_engine_bg.wasm')));
  const instance = new wasm.Instance(module, { './schema_engine_bg.js': bg });
  bg.__wbg_set_wasm(instance.exports);
  instance.exports.__wbindgen_start();
  wasmReady = bg;
  return bg;
}

function openEngine(factory: SqlMigrationAwareDriverAdapterFactory): Promise<WasmEngine> {
  const bg = loadWasmBindings();
  const datamodel = fs.readFileSync(schemaPath, 'utf8');
  const log = (_msg: string) => undefined;
  return bg.SchemaEngine.new(
    { datamodels: [[schemaPath, datamodel]] },
    log,
    bindMigrationAwareSqlAdapterFactory(factory),
  );
}

export function readMigrationsList() {
  const dirs = fs.existsSync(migrationsDir)
    ? fs
        .readdirSync(migrationsDir, { withFileTypes: true })
        .filter((d) => d.isDirectory())
        .map((d) => d.name)
        .sort()
    : [];
  const lockPath = path.join(migrationsDir, lockfileName);
  return {
    baseDir: migrationsDir,
    lockfile: { path: lockfileName, content: fs.existsSync(lockPath) ? fs.readFileSync(lockPath, 'utf8') : null },
    shadowDbInitScript: '',
    migrationDirectories: dirs.map((name) => ({
      path: name,
      migrationFile: {
        path: 'migration.sql',
        content: { tag: 'ok', value: fs.readFileSync(path.join(migrationsDir, name, 'migration.sql'), 'utf8') },
      },
    })),
  };
}

const noFilters = { externalTables: [], externalEnums: [] };

/** Applies every pending migration; a no-op when the database is up to date. */
export async function applyMigrations(factory: SqlMigrationAwareDriverAdapterFactory): Promise<string[]> {
  const engine = await openEngine(factory);
  try {
    const out = await engine.applyMigrations({ migrationsList: readMigrationsList(), filters: noFilters });
    return out.appliedMigrationNames;
  } finally {
    engine.free();
  }
}

/**
 * Generates a new migration from the difference between the migrations folder and
 * schema.prisma (what `prisma migrate diff --from-migrations --to-schema --script`
 * computes). Existing migrations are replayed in the factory's shadow database.
 * Returns the new folder's name, or null when the schema is unchanged.
 */
export async function createMigration(
  factory: SqlMigrationAwareDriverAdapterFactory,
  name: string,
  now = new Date(),
): Promise<string | null> {
  const engine = await openEngine(factory);
  try {
    const migrationsList = readMigrationsList();
    const from =
      migrationsList.migrationDirectories.length === 0 ? { tag: 'empty' } : { tag: 'migrations', ...migrationsList };
    const to = { tag: 'schemaDatamodel', files: [{ path: schemaPath, content: fs.readFileSync(schemaPath, 'utf8') }] };
    const out = await engine.diff({ from, to, script: true, exitCode: true, filters: noFilters });
    const script = out.stdout ?? '';
    if (out.exitCode === 0 || script.trim() === '' || script.includes('This is an empty migration')) return null;
    const stamp = now.toISOString().replace(/[-:T]/g, '').slice(0, 14);
    const folder = `${stamp}_${name}`;
    fs.mkdirSync(path.join(migrationsDir, folder), { recursive: true });
    fs.writeFileSync(path.join(migrationsDir, folder, 'migration.sql'), script);
    const lockPath = path.join(migrationsDir, lockfileName);
    if (!fs.existsSync(lockPath)) {
      fs.writeFileSync(
        lockPath,
        '# Please do not edit this file manually\n# It should be added in your version-control system (e.g., Git)\nprovider = "postgresql"\n',
      );
    }
    return folder;
  } finally {
    engine.free();
  }
}
