import { authorize } from "@/lib/auth/authorize";
import { errorResponse } from "@/lib/http/api-route";
import { getInvoiceDocument } from "@/lib/billing/invoices/get-invoice-document";
import { renderInvoicePdf } from "@/lib/billing/invoices/render-invoice-pdf";
import { invoiceScope } from "@/lib/billing/invoices/invoice-scope";

// GET /w/[workspace]/billing/invoices/[invoiceId]/pdf — one invoice as a PDF (owners any; admins their own purchases')
export async function GET(_request: Request, { params }: { params: Promise<{ workspace: string; invoiceId: string }> }): Promise<Response> {
  try {
    const { workspace, invoiceId } = await params;
    const actor = await authorize({ workspace: { slug: workspace }, permission: "billing:read" });
    const document = await getInvoiceDocument({ workspaceId: actor.workspaceId, invoiceId, ...invoiceScope(actor) });
    const pdf = await renderInvoicePdf(document);
    return new Response(new Uint8Array(pdf), {
      headers: {
        "content-type": "application/pdf",
        "content-disposition": `attachment; filename="${document.label}.pdf"`,
        "cache-control": "private, no-store",
      },
    });
  } catch (error) {
    return errorResponse(error);
  }
}
