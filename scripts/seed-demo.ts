// Seeds the demo data (idempotent); run by `npm run demo` and by the end-to-end server.
import { prisma } from "@/lib/db";
import { seedDemo } from "@/prisma/seed/demo";
import { seedDemoCredits } from "@/prisma/seed/demo-credits";

try {
  const ids = await seedDemo(prisma);
  await seedDemoCredits(prisma, ids);
} finally {
  await prisma.$disconnect();
}
