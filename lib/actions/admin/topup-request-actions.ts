"use server";

import { revalidatePath } from "next/cache";
import { headers } from "next/headers";
import { authorize } from "@/lib/auth/authorize";
import { parseInput } from "@/lib/http/api-route";
import { runAction } from "@/lib/actions/run-action";
import { appBaseUrl } from "@/lib/app-url";
import { AppError } from "@/lib/errors";
import { prisma } from "@/lib/db";
import { purchaseView } from "@/lib/billing/purchases/purchase-view";
import { ZApproveTopUpRequestInput, ZCreateTopUpRequestInput, ZDeclineTopUpRequestInput, ZTopUpRequestRef } from "@/lib/requests/schemas";
import { createTopUpRequest } from "@/lib/requests/create-topup-request";
import { approveTopUpRequest } from "@/lib/requests/approve-topup-request";
import { finishTopUpApproval } from "@/lib/requests/finish-topup-approval";
import { declineTopUpRequest } from "@/lib/requests/decline-topup-request";
import { cancelTopUpRequest } from "@/lib/requests/cancel-topup-request";

function revalidateRequestPages(slug: string) {
  revalidatePath(`/w/${slug}/admin`);
  revalidatePath(`/w/${slug}/requests`);
}

/** A member asks owners and admins for a top-up. */
export async function createTopUpRequestAction(input: unknown) {
  return runAction(async () => {
    const parsed = parseInput(ZCreateTopUpRequestInput, input);
    const actor = await authorize({ workspace: { slug: parsed.workspaceSlug }, permission: "credits:request" });
    const request = await createTopUpRequest({
      workspaceId: actor.workspaceId,
      requester: { userId: actor.userId, name: actor.name, role: actor.role },
      offerId: parsed.offerId,
      note: parsed.note,
      baseUrl: appBaseUrl(await headers()),
    });
    revalidateRequestPages(actor.workspaceSlug);
    return { requestId: request.id, credits: request.credits };
  });
}

/** Approves a request, paying with the approver's saved card or a new card (confirmed in the browser). */
export async function approveTopUpRequestAction(input: unknown) {
  return runAction(async () => {
    const parsed = parseInput(ZApproveTopUpRequestInput, input);
    const actor = await authorize({ workspace: { slug: parsed.workspaceSlug }, permission: "requests:decide" });
    const result = await approveTopUpRequest({
      workspaceId: actor.workspaceId,
      requestId: parsed.requestId,
      approver: { userId: actor.userId, email: actor.email, name: actor.name, role: actor.role },
      payWith: parsed.payWith,
    });
    if (result.status === "approved") revalidateRequestPages(actor.workspaceSlug);
    return result;
  });
}

/** After the browser confirmed the approval's payment: settle it and, if paid, approve the request. */
export async function confirmTopUpApprovalAction(input: unknown) {
  return runAction(async () => {
    const parsed = parseInput(ZTopUpRequestRef, input);
    const actor = await authorize({ workspace: { slug: parsed.workspaceSlug }, permission: "requests:decide" });
    const request = await prisma.topUpRequest.findFirst({ where: { id: parsed.requestId, workspaceId: actor.workspaceId } });
    if (!request?.purchaseId || request.deciderId !== actor.userId) throw new AppError("not_found", "No approval of yours is in progress for this request.");
    const status = await finishTopUpApproval({ workspaceId: actor.workspaceId, requestId: request.id });
    const purchase = await prisma.purchase.findUniqueOrThrow({ where: { id: request.purchaseId } });
    revalidateRequestPages(actor.workspaceSlug);
    return { status: status === "approved" ? ("approved" as const) : ("approving" as const), purchase: await purchaseView(purchase) };
  });
}

/** Declines a pending request with a reason for the member. */
export async function declineTopUpRequestAction(input: unknown) {
  return runAction(async () => {
    const parsed = parseInput(ZDeclineTopUpRequestInput, input);
    const actor = await authorize({ workspace: { slug: parsed.workspaceSlug }, permission: "requests:decide" });
    await declineTopUpRequest({ workspaceId: actor.workspaceId, requestId: parsed.requestId, reason: parsed.reason, decider: { userId: actor.userId, name: actor.name } });
    revalidateRequestPages(actor.workspaceSlug);
    return {};
  });
}

/** The requester withdraws their pending request. */
export async function cancelTopUpRequestAction(input: unknown) {
  return runAction(async () => {
    const parsed = parseInput(ZTopUpRequestRef, input);
    const actor = await authorize({ workspace: { slug: parsed.workspaceSlug }, permission: "credits:request" });
    await cancelTopUpRequest({ workspaceId: actor.workspaceId, requestId: parsed.requestId, requesterId: actor.userId });
    revalidateRequestPages(actor.workspaceSlug);
    return {};
  });
}
