// Seeds the demo data (idempotent); run by `npm run demo` and by the end-to-end server.
import { prisma } from "@/lib/db";
import { seedDemo } from "@/prisma/seed/demo";

try {
  await seedDemo(prisma);
} finally {
  await prisma.$disconnect();
}
