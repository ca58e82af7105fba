// The user's language from their profile (hass.locale), else Home Assistant's.
import type { HomeAssistant } from "./hass";
import { da } from "./translations/da";
import { en, type TranslationKey, type Translations } from "./translations/en";
import { fr } from "./translations/fr";

const TRANSLATIONS: Record<string, Translations> = { en, fr, da };

export function language(hass: HomeAssistant): string {
  return hass.locale?.language || hass.language || "en";
}

export function localize(
  hass: HomeAssistant,
  key: TranslationKey,
  values: Record<string, string> = {},
): string {
  const texts = TRANSLATIONS[language(hass).slice(0, 2).toLowerCase()] ?? en;
  return texts[key].replace(/\{(\w+)\}/g, (_, name: string) => values[name] ?? "");
}
