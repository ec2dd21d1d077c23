"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/field";
import { savePolicyAction } from "@/lib/actions/policies/policy-actions";
import type { TPolicySettings } from "@/lib/credits/policy-settings";
import type { TPolicyPresetName } from "@/lib/credits/policy-types";

export type TPresetChoice = { name: TPolicyPresetName; title: string; summary: string; settings: TPolicySettings };

const inputClass = "block w-full rounded-md px-3 py-2 text-sm shadow-sm ring-1 ring-inset ring-slate-300 focus:ring-2 focus:ring-brand-500";
const toMajor = (minor: number) => (minor / 100).toFixed(2);
const toMinor = (major: string) => Math.round(Number(major) * 100);

/** The owner's policy: one of the five presets, then its main knobs; saving replaces the whole policy. */
export function PolicyForm({ workspaceSlug, presets, initial }: { workspaceSlug: string; presets: TPresetChoice[]; initial: TPolicySettings }) {
  const [settings, setSettings] = useState<TPolicySettings>(initial);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<{ tone: "success" | "error"; text: string } | null>(null);
  const set = <K extends keyof TPolicySettings>(key: K, value: TPolicySettings[K]) => setSettings((s) => ({ ...s, [key]: value }));
  const pricing = settings.pricing;

  function choosePreset(name: TPolicyPresetName) {
    const preset = presets.find((p) => p.name === name);
    if (preset) setSettings(preset.settings);
    setResult(null);
  }

  async function save(event: React.FormEvent) {
    event.preventDefault();
    setBusy(true);
    setResult(null);
    const saved = await savePolicyAction({ workspaceSlug, ...settings });
    setBusy(false);
    setResult(saved.ok ? { tone: "success", text: "Policy saved. It applies to new purchases and spending from now on; plan credits already granted this cycle stay where they are, and a change of where plan credits land takes effect from the next cycle." } : { tone: "error", text: saved.error.message });
  }

  return (
    <form onSubmit={save} className="space-y-8" aria-label="Credit policy">
      <fieldset>
        <legend className="text-base font-semibold text-slate-900">Preset</legend>
        <p className="mt-1 text-sm text-slate-600">Start from the behaviour closest to your product; choosing one resets the settings below to its values.</p>
        <div className="mt-3 grid gap-2 md:grid-cols-2">
          {presets.map((preset) => (
            <label key={preset.name} className={`flex cursor-pointer gap-3 rounded-lg p-3 text-sm ring-1 ${settings.preset === preset.name ? "bg-brand-50 ring-brand-500" : "ring-slate-200 hover:bg-slate-50"}`}>
              <input type="radio" name="preset" value={preset.name} checked={settings.preset === preset.name} onChange={() => choosePreset(preset.name)} className="mt-1" />
              <span><span className="block font-medium text-slate-900">{preset.title}</span><span className="text-slate-600">{preset.summary}</span></span>
            </label>
          ))}
        </div>
      </fieldset>

      <div className="grid gap-6 md:grid-cols-2">
        <div className="space-y-1">
          <label htmlFor="topUpExpiry" className="block text-sm font-medium text-slate-800">Top-up expiry</label>
          <select id="topUpExpiry" className={inputClass} value={settings.topUpExpiry} onChange={(e) => set("topUpExpiry", e.target.value as TPolicySettings["topUpExpiry"])}>
            <option value="never">Never expire</option>
            <option value="cycle_end">Expire at the end of the billing cycle</option>
          </select>
        </div>
        <div className="space-y-1">
          <label htmlFor="members" className="block text-sm font-medium text-slate-800">Members (with edit rights) may</label>
          <select id="members" className={inputClass} value={settings.members} onChange={(e) => set("members", e.target.value as TPolicySettings["members"])}>
            <option value="buy">Buy top-ups for themselves</option>
            <option value="request">Only request a top-up from an admin</option>
            <option value="none">Neither: admins buy for them</option>
          </select>
        </div>
        <div className="space-y-1">
          <label htmlFor="buyForMembers" className="block text-sm font-medium text-slate-800">Who may buy credits for others</label>
          <select id="buyForMembers" className={inputClass} value={settings.buyForMembers} onChange={(e) => set("buyForMembers", e.target.value as TPolicySettings["buyForMembers"])}>
            <option value="owner_admin">Owners and admins</option>
            <option value="owner">Owners only</option>
          </select>
        </div>
        <div className="space-y-1">
          <label htmlFor="starterCredits" className="block text-sm font-medium text-slate-800">Starter credits on first use</label>
          <input id="starterCredits" type="number" min={0} max={1_000_000} step={1} required className={inputClass} value={settings.starterCredits} onChange={(e) => set("starterCredits", Number(e.target.value))} aria-describedby="starterCredits-hint" />
          <p id="starterCredits-hint" className="text-xs text-slate-500">Given once to a member with no paid plan; 0 for none.</p>
        </div>
        <label className="flex items-start gap-2 text-sm md:col-span-2">
          <input type="checkbox" className="mt-1" checked={settings.autoReloadAvailable} onChange={(e) => set("autoReloadAvailable", e.target.checked)} />
          <span><span className="font-medium text-slate-800">Offer auto-reload</span><span className="block text-slate-600">Owners and admins may turn it on themselves; it is never on by default.</span></span>
        </label>
      </div>

      <fieldset className="space-y-3">
        <legend className="text-base font-semibold text-slate-900">Pricing</legend>
        {pricing.kind === "packs" && (
          <>
            <p className="text-sm text-slate-600">Fixed packs of credits.</p>
            <CurrencySelect value={pricing.currency} onChange={(currency) => set("pricing", { ...pricing, currency })} />
            <ul className="space-y-2" aria-label="Packs">
              {pricing.packs.map((pack, index) => (
                <li key={index} className="flex flex-wrap items-end gap-2">
                  <NumberField id={`pack-${index}-credits`} label={`Pack ${index + 1} credits`} value={String(pack.credits)} step="1" onChange={(v) => set("pricing", { ...pricing, packs: pricing.packs.map((p, i) => (i === index ? { ...p, credits: Number(v) } : p)) })} />
                  <NumberField id={`pack-${index}-price`} label={`Pack ${index + 1} price`} value={toMajor(pack.priceMinor)} step="0.01" onChange={(v) => set("pricing", { ...pricing, packs: pricing.packs.map((p, i) => (i === index ? { ...p, priceMinor: toMinor(v) } : p)) })} />
                  <Button variant="ghost" size="sm" disabled={pricing.packs.length <= 1} onClick={() => set("pricing", { ...pricing, packs: pricing.packs.filter((_, i) => i !== index) })} aria-label={`Remove pack ${index + 1}`}>Remove</Button>
                </li>
              ))}
            </ul>
            <Button variant="secondary" size="sm" disabled={pricing.packs.length >= 8} onClick={() => set("pricing", { ...pricing, packs: [...pricing.packs, { credits: 1_000, priceMinor: 1_000 }] })}>Add a pack</Button>
          </>
        )}
        {pricing.kind === "plan_units" && (
          <>
            <p className="text-sm text-slate-600">Extra credits in units, at the plan&apos;s own price per credit.</p>
            <div className="flex flex-wrap gap-3">
              <NumberField id="unitCredits" label="Credits per unit" value={String(pricing.unitCredits)} step="1" onChange={(v) => set("pricing", { ...pricing, unitCredits: Number(v) })} />
              <NumberField id="minUnits" label="Fewest units" value={String(pricing.minUnits)} step="1" onChange={(v) => set("pricing", { ...pricing, minUnits: Number(v) })} />
              <NumberField id="maxUnits" label="Most units" value={String(pricing.maxUnits)} step="1" onChange={(v) => set("pricing", { ...pricing, maxUnits: Number(v) })} />
            </div>
          </>
        )}
        {pricing.kind === "currency_tiers" && (
          <>
            <p className="text-sm text-slate-600">Money tiers converted at a fixed rate.</p>
            <div className="flex flex-wrap gap-3">
              <CurrencySelect value={pricing.currency} onChange={(currency) => set("pricing", { ...pricing, currency })} />
              <NumberField id="creditsPerMajorUnit" label="Credits per 1 unit of money" value={String(pricing.creditsPerMajorUnit)} step="1" onChange={(v) => set("pricing", { ...pricing, creditsPerMajorUnit: Number(v) })} />
            </div>
            <ul className="flex flex-wrap gap-2" aria-label="Tiers">
              {pricing.tiersMinor.map((tier, index) => (
                <li key={index} className="flex items-end gap-1">
                  <NumberField id={`tier-${index}`} label={`Tier ${index + 1}`} value={toMajor(tier)} step="0.01" onChange={(v) => set("pricing", { ...pricing, tiersMinor: pricing.tiersMinor.map((t, i) => (i === index ? toMinor(v) : t)) })} />
                  <Button variant="ghost" size="sm" disabled={pricing.tiersMinor.length <= 1} onClick={() => set("pricing", { ...pricing, tiersMinor: pricing.tiersMinor.filter((_, i) => i !== index) })} aria-label={`Remove tier ${index + 1}`}>Remove</Button>
                </li>
              ))}
            </ul>
            <Button variant="secondary" size="sm" disabled={pricing.tiersMinor.length >= 8} onClick={() => set("pricing", { ...pricing, tiersMinor: [...pricing.tiersMinor, 2_500] })}>Add a tier</Button>
          </>
        )}
      </fieldset>

      {result && <Alert tone={result.tone}>{result.text}</Alert>}
      <Button type="submit" disabled={busy}>{busy ? "Saving…" : "Save policy"}</Button>
    </form>
  );
}

function NumberField({ id, label, value, step, onChange }: { id: string; label: string; value: string; step: string; onChange: (value: string) => void }) {
  return (
    <div className="w-40 space-y-1">
      <label htmlFor={id} className="block text-sm font-medium text-slate-800">{label}</label>
      <input id={id} type="number" min={0} step={step} required className={inputClass} value={value} onChange={(e) => onChange(e.target.value)} />
    </div>
  );
}

function CurrencySelect({ value, onChange }: { value: string; onChange: (value: "usd" | "gbp" | "eur") => void }) {
  return (
    <div className="w-40 space-y-1">
      <label htmlFor="pricing-currency" className="block text-sm font-medium text-slate-800">Currency</label>
      <select id="pricing-currency" className={inputClass} value={value} onChange={(e) => onChange(e.target.value as "usd" | "gbp" | "eur")}>
        <option value="usd">US dollar</option>
        <option value="gbp">Pound sterling</option>
        <option value="eur">Euro</option>
      </select>
    </div>
  );
}
