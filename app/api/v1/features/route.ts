import { apiRoute, jsonResponse } from "@/lib/http/api-route";
import { listFeatures } from "@/lib/credits/list-features";

// GET /api/v1/features — the price list: credits per unit by quality tier
export const GET = apiRoute(async () => jsonResponse(200, { features: await listFeatures() }));
