import type { TWorkDocument } from "@/lib/work/sample-documents";

const INSTRUCTIONS: Record<string, string> = {
  chart_summary: "Summarize this patient chart for a busy clinician in three short bullet points.",
  referral_letter: "Draft a concise, polite referral letter from this referral note.",
  draft_post: "Draft a friendly social media post (under 60 words) from this announcement.",
  video_summary: "Summarize this video's content as a short numbered list of steps.",
};

/** The local generator: deterministic, offline, good enough to show the flow end to end. */
function localOutput(document: TWorkDocument, feature: string): string {
  const sentences = document.body.split(/(?<=\.)\s+/).filter(Boolean);
  switch (feature) {
    case "referral_letter":
      return `Dear colleague,\n\nI would be grateful if you could see ${document.title.split(" — ")[0]}. ${sentences.slice(0, 3).join(" ")}\n\n${sentences.slice(3).join(" ")}\n\nKind regards`;
    case "draft_post":
      return `📣 ${document.title}: ${sentences.slice(0, 2).join(" ")} See you there!`;
    case "video_summary":
      return document.body.split(/;\s*/).map((step, index) => `${index + 1}. ${step.replace(/\.$/, "")}`).join("\n");
    default:
      return sentences.slice(0, 3).map((sentence) => `• ${sentence}`).join("\n");
  }
}

/**
 * The AI output for a document: an OpenAI-compatible chat endpoint when AI_BASE_URL and
 * AI_API_KEY are set, else the local deterministic generator.
 */
export async function generateAiOutput(document: TWorkDocument, feature: string, quality: string): Promise<string> {
  const baseUrl = process.env.AI_BASE_URL;
  const apiKey = process.env.AI_API_KEY;
  if (!baseUrl || !apiKey) return localOutput(document, feature);
  const response = await fetch(`${baseUrl.replace(/\/$/, "")}/chat/completions`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${apiKey}` },
    body: JSON.stringify({
      model: process.env.AI_MODEL ?? (quality === "premium" ? "gpt-4o" : "gpt-4o-mini"),
      messages: [
        { role: "system", content: INSTRUCTIONS[feature] ?? "Help with this document." },
        { role: "user", content: `${document.title}\n\n${document.body}` },
      ],
    }),
    signal: AbortSignal.timeout(30_000),
  });
  if (!response.ok) throw new Error(`AI endpoint answered ${response.status}`);
  const body = (await response.json()) as { choices?: { message?: { content?: string } }[] };
  const text = body.choices?.[0]?.message?.content;
  if (!text) throw new Error("AI endpoint returned no text");
  return text;
}
