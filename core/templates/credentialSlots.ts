/**
 * The credentials a connector uses, as install-time slots. Every `{{credentials.x}}` (or the
 * interchange spelling `{{workspace.x}}`) becomes a slot; declared slots keep their label,
 * help text and URL.
 */
import type { Connector, CredentialSlot } from '../schema/connector.js';

const CREDENTIAL_REF = /\{\{\s*(?:credentials|workspace)\s*\.\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g;

/** Names of the credentials referenced anywhere in the value, in first-use order. */
export function referencedCredentialNames(value: unknown): string[] {
  const names: string[] = [];
  const visit = (v: unknown) => {
    if (typeof v === 'string') {
      for (const match of v.matchAll(CREDENTIAL_REF)) if (!names.includes(match[1]!)) names.push(match[1]!);
    } else if (Array.isArray(v)) v.forEach(visit);
    else if (v !== null && typeof v === 'object') Object.values(v as Record<string, unknown>).forEach(visit);
  };
  visit(value);
  return names;
}

/** `hubspot_token` → `Hubspot token`. */
export function humanizeName(name: string): string {
  const words = name.replace(/_+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export function credentialSlotsFor(connector: Connector): CredentialSlot[] {
  const used = referencedCredentialNames({ auth: connector.auth, steps: connector.steps, edges: connector.edges });
  return used.map((name) => connector.credentials.find((slot) => slot.name === name) ?? { name, label: humanizeName(name) });
}

/** Rewrites credential references with the map (unmapped names stay); `workspace.` becomes `credentials.`. */
export function renameCredentialReferences<T>(value: T, map: Record<string, string>): T {
  const rename = (text: string) => text.replace(CREDENTIAL_REF, (whole, name: string) => (Object.hasOwn(map, name) ? `{{credentials.${map[name]}}}` : whole));
  const visit = (v: unknown): unknown => {
    if (typeof v === 'string') return rename(v);
    if (Array.isArray(v)) return v.map(visit);
    if (v !== null && typeof v === 'object') {
      const out: Record<string, unknown> = {};
      for (const [key, item] of Object.entries(v as Record<string, unknown>)) out[key] = visit(item);
      return out;
    }
    return v;
  };
  return visit(value) as T;
}
