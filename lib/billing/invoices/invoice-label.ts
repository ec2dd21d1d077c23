/** How an invoice number is shown: INV-DEMO-0007. */
export function invoiceLabel(workspaceSlug: string, number: number): string {
  return `INV-${workspaceSlug.toUpperCase().slice(0, 12)}-${String(number).padStart(4, "0")}`;
}
