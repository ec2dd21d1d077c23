import { prisma } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { invoiceLabel } from "@/lib/billing/invoices/invoice-label";
import { buildInvoiceLines } from "@/lib/billing/invoices/invoice-lines";

export type TInvoiceDocument = Awaited<ReturnType<typeof getInvoiceDocument>>;

/**
 * Everything an invoice PDF prints, looked up in this workspace only, and with `buyerUserId`
 * only among that person's purchases (else `not_found`).
 */
export async function getInvoiceDocument(options: { workspaceId: string; invoiceId: string; buyerUserId?: string }) {
  const invoice = await prisma.invoice.findFirst({
    where: { id: options.invoiceId, workspaceId: options.workspaceId, ...(options.buyerUserId ? { purchase: { buyerUserId: options.buyerUserId } } : {}) },
    include: { purchase: { include: { lines: true } } },
  });
  if (!invoice) throw new AppError("not_found", "No such invoice.");
  const ids = [invoice.purchase.buyerUserId, ...invoice.purchase.lines.map((l) => l.beneficiaryUserId).filter((id): id is string => id !== null)];
  const [users, workspace] = await Promise.all([
    prisma.user.findMany({ where: { id: { in: ids } }, select: { id: true, name: true, email: true } }),
    prisma.workspace.findUniqueOrThrow({ where: { id: options.workspaceId }, select: { slug: true, name: true } }),
  ]);
  const userOf = new Map(users.map((u) => [u.id, u]));
  const { lines, total } = buildInvoiceLines({
    kind: invoice.purchase.kind,
    description: invoice.purchase.description,
    currency: invoice.currency,
    totalMinor: invoice.totalMinor,
    lines: invoice.purchase.lines.map((l) => {
      const user = l.beneficiaryUserId ? userOf.get(l.beneficiaryUserId) : undefined;
      return { beneficiaryName: user?.name ?? (l.beneficiaryUserId ? "Former member" : null), beneficiaryEmail: user?.email ?? null, credits: l.credits, amountMinor: l.amountMinor };
    }),
  });
  const buyer = userOf.get(invoice.purchase.buyerUserId);
  return {
    label: invoiceLabel(workspace.slug, invoice.number),
    issuedAt: invoice.issuedAt,
    workspaceName: workspace.name,
    billedTo: buyer ? `${buyer.name} <${buyer.email}>` : "Former member",
    description: invoice.purchase.description,
    paymentReference: invoice.purchase.gatewayPaymentIntentId,
    lines,
    total,
  };
}
