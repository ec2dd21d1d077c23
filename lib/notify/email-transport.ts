import nodemailer, { type Transporter } from "nodemailer";

let transport: Transporter | null | undefined;

/** nodemailer over SMTP_URL; null without it (emails then stay in the outbox, readable in the dev mailbox). */
export function emailTransport(): Transporter | null {
  if (transport !== undefined) return transport;
  transport = process.env.SMTP_URL ? nodemailer.createTransport(process.env.SMTP_URL) : null;
  return transport;
}

export const EMAIL_FROM = process.env.EMAIL_FROM ?? "Refill <billing@refill.local>";
