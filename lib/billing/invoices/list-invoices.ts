import { prisma } from "@/lib/db";
import { invoiceLabel } from "@/lib/billing/invoices/invoice-label";
import type { TInvoiceFilter } from "@/lib/billing/invoices/invoice-filter";

const PAGE = 50;

/**
 * A workspace's invoices, newest first, filtered by kind and issue date, 50 a page by number;
 * with `buyerUserId` only those of that person's purchases (invoiceScope).
 */
export async function listInvoices(options: { workspaceId: string; workspaceSlug: string; filter: TInvoiceFilter; buyerUserId?: string }) {
  const { kind, from, to, before } = options.filter;
  const rows = await prisma.invoice.findMany({
    where: {
      workspaceId: options.workspaceId,
      ...(options.buyerUserId ? { purchase: { buyerUserId: options.buyerUserId, ...(kind ? { kind } : {}) } } : kind ? { purchase: { kind } } : {}),
      ...(before ? { number: { lt: before } } : {}),
      ...(from || to ? { issuedAt: { ...(from ? { gte: from } : {}), ...(to ? { lt: to } : {}) } } : {}),
    },
    include: { purchase: { select: { kind: true, description: true, credits: true, buyerUserId: true } } },
    orderBy: { number: "desc" },
    take: PAGE + 1,
  });
  const page = rows.slice(0, PAGE);
  const buyers = await prisma.user.findMany({ where: { id: { in: [...new Set(page.map((r) => r.purchase.buyerUserId))] } }, select: { id: true, name: true } });
  const nameOf = new Map(buyers.map((b) => [b.id, b.name]));
  return {
    invoices: page.map((r) => ({
      id: r.id,
      label: invoiceLabel(options.workspaceSlug, r.number),
      issuedAt: r.issuedAt,
      kind: r.purchase.kind,
      description: r.purchase.description,
      credits: r.purchase.credits,
      totalMinor: r.totalMinor,
      currency: r.currency,
      buyerName: nameOf.get(r.purchase.buyerUserId) ?? "Former member",
    })),
    nextBefore: rows.length > PAGE ? page[page.length - 1].number : null,
  };
}
