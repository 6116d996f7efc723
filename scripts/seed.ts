// npm run db:seed: seeds the demo city into DATABASE_URL (or the embedded data folder).
// Explicit, never run by the api or the worker. Does nothing if the city exists.
import path from 'node:path';
import { openDatabase } from '../prisma/database';
import { demoPassword, seedDemoCity } from '../prisma/seed';

async function main() {
  const url = process.env.DATABASE_URL;
  const db = await openDatabase(
    url
      ? { kind: 'postgres', url }
      : { kind: 'pglite', dataDir: path.resolve(process.env.DATA_DIR ?? 'data', 'pglite') },
  );
  try {
    const seeded = await seedDemoCity(db.prisma);
    console.log(
      seeded
        ? `seeded the demo city; every demo account's password is ${demoPassword}`
        : 'the demo city is there already; nothing done',
    );
  } finally {
    await db.close();
  }
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
