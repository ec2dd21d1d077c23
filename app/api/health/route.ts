import { checkHealth } from "@/lib/health/check-health";

export const dynamic = "force-dynamic";

// GET /api/health — liveness and database reachability for load balancers and the demo script
export async function GET() {
  const health = await checkHealth();
  return Response.json(health, { status: health.db === "ok" ? 200 : 503, headers: { "cache-control": "no-store" } });
}
