// Cambodia's capital and 24 provinces. Names are in locales/<lang>/provinces.ftl as `province-<code>`.
export const PROVINCES = [
  "phnom-penh",
  "banteay-meanchey",
  "battambang",
  "kampong-cham",
  "kampong-chhnang",
  "kampong-speu",
  "kampong-thom",
  "kampot",
  "kandal",
  "kep",
  "koh-kong",
  "kratie",
  "mondulkiri",
  "oddar-meanchey",
  "pailin",
  "preah-sihanouk",
  "preah-vihear",
  "prey-veng",
  "pursat",
  "ratanakiri",
  "siem-reap",
  "stung-treng",
  "svay-rieng",
  "takeo",
  "tbong-khmum",
] as const;

export type Province = (typeof PROVINCES)[number];

export const UNIT_TYPES = ["ahtjp", "cybercrime", "cpu", "other"] as const;
export type UnitTypeCode = (typeof UNIT_TYPES)[number];

export function isProvince(v: string): v is Province {
  return (PROVINCES as readonly string[]).includes(v);
}

export function isUnitType(v: string): v is UnitTypeCode {
  return (UNIT_TYPES as readonly string[]).includes(v);
}
