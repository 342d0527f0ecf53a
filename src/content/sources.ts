import type { ContentScreen } from './journey'

/**
 * The references behind the kiosk's content. Citations stay in their original
 * language (as MedlinePlus does); only the labels around them are translated.
 */
export const SOURCES = {
  aafp: { short: 'AAFP', full: 'Allen RE, Kirby KA. Nocturnal Leg Cramps. Am Fam Physician. 2012;86(4):350-355.' },
  nhs: { short: 'NHS', full: 'NHS. "Leg cramps". nhs.uk.' },
  nice: { short: 'NICE CKS', full: 'NICE Clinical Knowledge Summaries. "Leg cramps". cks.nice.org.uk.' },
  mayo: {
    short: 'Mayo Clinic',
    full: 'Mayo Clinic. "Night leg cramps" (symptom page); Mayo Clinic Health Letter, "Preventing a jolt in the night".',
  },
  medlineplus: { short: 'MedlinePlus', full: 'MedlinePlus. "Muscle Cramps". medlineplus.gov/musclecramps.html.' },
  ninds: { short: 'NINDS', full: 'NINDS. "Restless Legs Syndrome". ninds.nih.gov.' },
  merck: { short: 'Merck Manual', full: 'Merck Manual, Consumer Version. "Muscle cramps".' },
  nhsClots: { short: 'NHS', full: 'NHS. "Deep vein thrombosis" and "Pulmonary embolism". nhs.uk.' },
  cdc: { short: 'CDC', full: 'US CDC. "Venous thromboembolism (blood clots)". cdc.gov.' },
  cochraneMagnesium: {
    short: 'Cochrane',
    full: 'Garrison SR, et al. Magnesium for skeletal muscle cramps. Cochrane Database Syst Rev. 2020. CD009402.',
  },
  cochraneQuinine: {
    short: 'Cochrane',
    full: 'El-Tawil S, et al. Quinine for muscle cramps. Cochrane Database Syst Rev. 2015. CD005044.',
  },
  fda: {
    short: 'FDA',
    full: 'US FDA. Drug Safety Communication: quinine (Qualaquin) for night leg cramps. 2010.',
  },
  mhra: {
    short: 'MHRA',
    full: 'UK MHRA. Drug Safety Update: quinine, not for routine treatment of nocturnal leg cramps.',
  },
  aan: {
    short: 'AAN',
    full: 'Katzberg HD, et al. Assessment: symptomatic treatment for muscle cramps. Neurology. 2010;74:691-696.',
  },
  garrison: {
    short: 'Garrison 2012',
    full: 'Garrison SR, et al. Nocturnal leg cramps and prescription use that precedes them. Arch Intern Med. 2012;172(2):120-126.',
  },
  hallegraeff: {
    short: 'Hallegraeff 2012',
    full: 'Hallegraeff JM, et al. Stretching before sleep reduces the frequency and severity of nocturnal leg cramps in older adults. J Physiother. 2012;58(1):17-22.',
  },
} as const
/** One reference. */
export type SourceId = keyof typeof SOURCES

/** The sources each content screen draws on. */
export const SCREEN_SOURCES: Record<ContentScreen, readonly SourceId[]> = {
  about: ['nhs', 'aafp', 'nice', 'ninds'],
  causes: ['nhs', 'aafp', 'mayo', 'nice', 'garrison'],
  selfcheck: ['nhs', 'aafp', 'garrison'],
  during: ['nhs', 'mayo'],
  prevention: ['hallegraeff', 'nhs', 'mayo'],
  avoid: ['fda', 'mhra', 'aan', 'cochraneQuinine', 'cochraneMagnesium'],
  doctor: ['nhsClots', 'cdc', 'medlineplus', 'nhs', 'nice', 'merck'],
  handout: ['nhs', 'aafp', 'fda', 'medlineplus', 'cdc'],
}

/** When the kiosk's makers last checked the content against its sources (ISO date). */
export const CONTENT_REVIEWED_ON = '2026-12-01'

/** A clinician's sign-off of the content: who, in what role, on which date (ISO). */
export interface ClinicalReview {
  reviewer: string
  role: string
  reviewedOn: string
}

/**
 * The clinical review of the current content, or null while no clinician has
 * reviewed it (the Sources screen then says so). The kiosk's makers wrote the
 * text from the sources above; only a named clinician's review goes here.
 */
export const CLINICAL_REVIEW: ClinicalReview | null = null

/** The short names to show on a screen, without repeats. */
export function shortSourceNames(screen: ContentScreen): string[] {
  return [...new Set(SCREEN_SOURCES[screen].map((id) => SOURCES[id].short))]
}
