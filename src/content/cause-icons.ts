import { Baby, Dumbbell, GlassWater, HeartPulse, Hourglass, Pill, Wine } from 'lucide-vue-next'
import type { Component } from 'vue'
import type { CauseCard } from './journey'

/** The icon on each cause card (decoration: the card's title says the same). */
export const CAUSE_ICONS: Readonly<Record<CauseCard, Component>> = {
  age: Hourglass,
  pregnancy: Baby,
  strain: Dumbbell,
  conditions: HeartPulse,
  medicines: Pill,
  alcohol: Wine,
  fluids: GlassWater,
}
