import { prisma } from "@/lib/db";

export type TFeaturePrice = {
  key: string;
  name: string;
  unit: string;
  credits: { fast: number; balanced: number; premium: number };
};

/** The price list: credits per unit of each metered feature by quality tier. */
export async function listFeatures(): Promise<TFeaturePrice[]> {
  const features = await prisma.creditFeature.findMany({ where: { active: true }, orderBy: [{ sortOrder: "asc" }, { key: "asc" }] });
  return features.map((f) => ({
    key: f.key,
    name: f.name,
    unit: f.unit,
    credits: { fast: f.creditsFast, balanced: f.creditsBalanced, premium: f.creditsPremium },
  }));
}
