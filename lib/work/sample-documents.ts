/** The demo work area's documents: the places practitioners click AI buttons in. */
export type TWorkAction = { feature: string; label: string; quantity: number };
export type TWorkDocument = { id: string; kind: string; title: string; summary: string; body: string; group: string; actions: TWorkAction[] };

export const WORK_DOCUMENTS: TWorkDocument[] = [
  {
    id: "chart-ellis",
    kind: "Patient chart",
    title: "Margaret Ellis, 67 — follow-up",
    summary: "Type 2 diabetes, hypertension; review after medication change.",
    body: "HbA1c 7.9% (was 8.6%). BP 142/88 on amlodipine 5 mg. Reports mild ankle swelling since dose change. Walking 20 minutes daily. No hypoglycaemia. Foot exam normal. Plan discussed: continue metformin, consider switching amlodipine to lisinopril, recheck renal function.",
    group: "chart",
    actions: [{ feature: "chart_summary", label: "Summarize chart", quantity: 1 }],
  },
  {
    id: "referral-okafor",
    kind: "Referral",
    title: "Daniel Okafor — cardiology referral",
    summary: "Exertional chest tightness, abnormal ECG.",
    body: "Three weeks of chest tightness climbing stairs, relieved by rest. ECG: T-wave inversion V4–V6. Lipids: LDL 4.1 mmol/L. Father had MI at 58. Started aspirin 75 mg and atorvastatin 40 mg. Requesting exercise testing and specialist assessment.",
    group: "referral",
    actions: [{ feature: "referral_letter", label: "Draft referral letter", quantity: 1 }],
  },
  {
    id: "post-flu-clinic",
    kind: "Campaign post",
    title: "Autumn flu clinic announcement",
    summary: "Saturday walk-in clinics through November.",
    body: "Walk-in flu vaccination every Saturday 9:00–13:00 in November. Free for over-65s, pregnant patients and people with long-term conditions. Bring your NHS number. Parking available behind the surgery.",
    group: "campaign",
    actions: [{ feature: "draft_post", label: "Draft post", quantity: 1 }],
  },
  {
    id: "video-knee-rehab",
    kind: "Video",
    title: "Knee rehabilitation exercises (12 min)",
    summary: "Physiotherapy session recording for patients after ACL repair.",
    body: "Warm-up on the bike; straight-leg raises 3×10; heel slides; terminal knee extensions with a band; mini squats to 45°; balance on one leg 30 s; ice for 15 minutes afterwards. Stop if sharp pain or swelling.",
    group: "livestream",
    actions: [{ feature: "video_summary", label: "Summarize video", quantity: 12 }],
  },
];

export function findWorkDocument(id: string): TWorkDocument | undefined {
  return WORK_DOCUMENTS.find((document) => document.id === id);
}
