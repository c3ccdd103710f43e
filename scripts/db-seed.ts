// npm run db:seed — writes the demo data into DATABASE_URL if it holds no organisation yet.
import { createPrismaClient } from "../lib/db/create-client";
import { seedDemo } from "../prisma/seed/demo";

const url = process.env.DATABASE_URL;
if (!url) {
  console.error("DATABASE_URL is not set.");
  process.exit(2);
}
const db = createPrismaClient({ connectionString: url, max: 1 });
try {
  console.log((await seedDemo(db)) ? "Demo data written." : "Database already has data: seed skipped.");
} finally {
  await db.$disconnect();
}
