import { prisma } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { getPurchaseContext } from "@/lib/billing/purchases/get-purchase-context";
import { formatCredits, formatMoney } from "@/lib/format";
import { createNotification } from "@/lib/notify/create-notification";
import { enqueueEmail } from "@/lib/notify/enqueue-email";
import { recordAudit } from "@/lib/audit/record-audit";

const REFUSAL_BY_MODE = {
  buy: "You can buy credits yourself in this workspace.",
  subscribe: "Top-ups need an active paid plan. Ask an owner to subscribe first.",
  none: "Your role cannot request credits in this workspace.",
} as const;

/**
 * A member asks for a top-up (policy: members request, page 002). The request, an in-app notice
 * and an email for every owner and admin, and the audit row commit together. One open request per
 * member at a time (a partial unique index): a second is `already_exists`.
 */
export async function createTopUpRequest(options: {
  workspaceId: string;
  requester: { userId: string; name: string; role: string };
  offerId: string;
  note?: string;
  baseUrl: string;
}) {
  const context = await getPurchaseContext({ workspaceId: options.workspaceId, userId: options.requester.userId, role: options.requester.role });
  if (context.mode !== "request") throw new AppError("forbidden", REFUSAL_BY_MODE[context.mode]);
  const offer = context.offers.find((o) => o.id === options.offerId);
  if (!offer) throw new AppError("invalid_request", "That credit package is not offered here.", { field: "offerId" });

  const request = await prisma
    .$transaction(async (tx) => {
      const workspace = await tx.workspace.findUniqueOrThrow({ where: { id: options.workspaceId } });
      const created = await tx.topUpRequest.create({
        data: {
          workspaceId: options.workspaceId,
          requesterId: options.requester.userId,
          offerId: offer.id,
          credits: offer.credits,
          amountMinor: offer.amountMinor,
          currency: offer.currency,
          note: options.note || null,
        },
      });
      const deciders = await tx.membership.findMany({
        where: { workspaceId: options.workspaceId, role: { in: ["owner", "admin"] } },
        include: { user: { select: { id: true, email: true, name: true } } },
      });
      const what = `${formatCredits(offer.credits)} credits (${formatMoney(offer.amountMinor, offer.currency)})`;
      const path = `/w/${workspace.slug}/admin#requests`;
      const noteLine = created.note ? `\nTheir note: “${created.note}”` : "";
      for (const decider of deciders) {
        await createNotification(tx, {
          workspaceId: options.workspaceId,
          userId: decider.userId,
          kind: "topup_request",
          title: `${options.requester.name} asks for a top-up`,
          body: `${what}${created.note ? ` · “${created.note}”` : ""}`,
          href: path,
        });
        await enqueueEmail(
          {
            to: decider.user.email,
            kind: "topup_request",
            workspaceId: options.workspaceId,
            subject: `${options.requester.name} requests ${formatCredits(offer.credits)} credits in ${workspace.name}`,
            text: `Hello ${decider.user.name},\n\n${options.requester.name} asked for a top-up of ${what} in ${workspace.name}.${noteLine}\n\nApprove or decline it here:\n${options.baseUrl}${path}\n\nRefill`,
          },
          tx,
        );
      }
      await recordAudit(tx, {
        workspaceId: options.workspaceId,
        actorUserId: options.requester.userId,
        action: "topup_request.created",
        targetType: "topup_request",
        targetId: created.id,
        details: { offerId: offer.id, credits: offer.credits, amountMinor: offer.amountMinor },
      });
      return created;
    })
    .catch((error) => {
      const code = (error as { code?: string }).code;
      if (code === "P2002" || code === "23505") throw new AppError("already_exists", "You already have a top-up request waiting for an answer.");
      throw error;
    });
  return request;
}
