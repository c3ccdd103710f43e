// Accepts one assessment in a process of its own, so a fault test can kill it (kill -9) at an exact
// moment, as a server would die. Run: node --conditions=react-server --import tsx <this file>
// with DATABASE_URL, and ACTOR (JSON) and ASSESSMENT_ID in the environment.
import { createPrismaClient } from "@/lib/db/create-client";
import { acceptAssessment } from "@/lib/domain/review/review-assessment";

const db = createPrismaClient({ connectionString: process.env.DATABASE_URL!, max: 2 });
// A server that has been up a while has its query engine warm; so does this one before it accepts.
await db.organization.count();
const result = await acceptAssessment(db, JSON.parse(process.env.ACTOR!), process.env.ASSESSMENT_ID);
console.log(JSON.stringify({ accepted: result.id }));
await db.$disconnect();
