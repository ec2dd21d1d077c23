/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  serverExternalPackages: ["pg", "pg-boss", "@electric-sql/pglite", "@electric-sql/pglite-socket", "pdfkit", "nodemailer"],
  experimental: { authInterrupts: true },
};

export default nextConfig;
