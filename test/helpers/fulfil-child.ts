// Run as a separate process by the SIGKILL test: fulfils one purchase, then exits.
import { fulfillPurchase } from "@/lib/billing/purchases/fulfill-purchase";
import { prisma, pgPool } from "@/lib/db";

const purchaseId = process.argv[2];
await fulfillPurchase({ purchaseId });
await prisma.$disconnect();
await pgPool().end();
