import PDFDocument from "pdfkit";
import type { TInvoiceDocument } from "@/lib/billing/invoices/get-invoice-document";

const COLUMNS = [
  { title: "Description", x: 50, width: 190 },
  { title: "For", x: 245, width: 150 },
  { title: "Credits", x: 400, width: 70, align: "right" as const },
  { title: "Amount", x: 475, width: 70, align: "right" as const },
];

/** An invoice as a one-file PDF (pdfkit's built-in Helvetica: nothing is fetched). */
export function renderInvoicePdf(doc: TInvoiceDocument): Promise<Buffer> {
  const pdf = new PDFDocument({ size: "A4", margin: 50, info: { Title: `Invoice ${doc.label}`, Author: "Refill" } });
  const chunks: Buffer[] = [];
  pdf.on("data", (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    pdf.on("end", () => resolve(Buffer.concat(chunks)));
    pdf.on("error", reject);
  });

  pdf.font("Helvetica-Bold").fontSize(20).text("Invoice", 50, 50);
  pdf.font("Helvetica").fontSize(10).fillColor("#475569");
  pdf.text(`Number: ${doc.label}`, 50, 80);
  pdf.text(`Issued: ${doc.issuedAt.toISOString().slice(0, 10)} (UTC)`);
  pdf.text(`Workspace: ${doc.workspaceName}`);
  pdf.text(`Billed to: ${doc.billedTo}`);
  if (doc.paymentReference) pdf.text(`Payment reference: ${doc.paymentReference}`);
  pdf.text("Status: Paid");

  let y = 190;
  pdf.fillColor("#0f172a").font("Helvetica-Bold");
  for (const c of COLUMNS) pdf.text(c.title, c.x, y, { width: c.width, align: c.align ?? "left" });
  y += 18;
  pdf.moveTo(50, y - 4).lineTo(545, y - 4).strokeColor("#cbd5e1").stroke();
  pdf.font("Helvetica");
  for (const line of doc.lines) {
    const cells = [line.description, line.beneficiary, line.credits, line.amount];
    const height = Math.max(...cells.map((cell, i) => pdf.heightOfString(cell, { width: COLUMNS[i].width })));
    if (y + height > 760) {
      pdf.addPage();
      y = 50;
    }
    cells.forEach((cell, i) => pdf.text(cell, COLUMNS[i].x, y, { width: COLUMNS[i].width, align: COLUMNS[i].align ?? "left" }));
    y += height + 8;
  }
  pdf.moveTo(50, y).lineTo(545, y).strokeColor("#cbd5e1").stroke();
  pdf.font("Helvetica-Bold").text("Total paid", 400, y + 8, { width: 70, align: "right" }).text(doc.total, 475, y + 8, { width: 70, align: "right" });
  pdf.font("Helvetica").fontSize(8).fillColor("#64748b").text("Thank you. Amounts include any taxes due. Questions: reply to your receipt email.", 50, 790, { width: 495 });
  pdf.end();
  return done;
}
