/**
 * The shape of the visitor journey: which screens, cards, choices and steps
 * exist, by id. The words live in locales/<tag>.json under the same ids.
 */

/** Every screen of the journey, in order. */
export const JOURNEY = [
  'attract',
  'language',
  'about',
  'causes',
  'selfcheck',
  'during',
  'prevention',
  'avoid',
  'doctor',
  'handout',
] as const
/** One screen of the visitor journey. */
export type JourneyScreen = (typeof JOURNEY)[number]

/** The screens that teach; the progress indicator counts these. */
export const CONTENT_SCREENS = JOURNEY.slice(JOURNEY.indexOf('about')) as ContentScreen[]
/** A screen that teaches (and cites its sources). */
export type ContentScreen = Exclude<JourneyScreen, 'attract' | 'language'>

/** The cards on "What are cramps linked to?". */
export const CAUSE_CARDS = ['age', 'pregnancy', 'strain', 'conditions', 'medicines', 'alcohol', 'fluids'] as const
/** One card on the causes screen. */
export type CauseCard = (typeof CAUSE_CARDS)[number]

/**
 * The items a card's "Tell me more" lists after its detail, by card: the health
 * problems and the medicines linked to cramps (causes.cards.<card>.list.<item>).
 */
export const CAUSE_LISTS: Readonly<Partial<Record<CauseCard, readonly string[]>>> = {
  conditions: ['bloodFlow', 'spine', 'liver', 'kidney', 'diabetes', 'thyroid'],
  medicines: ['diuretics', 'statins', 'bones', 'estrogen', 'iron', 'naproxen', 'nifedipine'],
}

/** The optional self-check choices; they shape the handout. */
export const SELFCHECK_ITEMS = [
  'over60',
  'pregnant',
  'exercise',
  'posture',
  'condition',
  'medicine',
  'fluids',
  'wakes',
] as const
/** One self-check choice. */
export type SelfCheckItem = (typeof SELFCHECK_ITEMS)[number]

/** The two ways to stretch a cramping muscle: alternatives, the visitor does one of them. */
export const DURING_STRETCHES = ['stand', 'pull'] as const
/** What else may help during a cramp: options, in any order. */
export const DURING_OPTIONS = ['rub', 'walk', 'warm'] as const
/** The bedtime stretch, in order. */
export const STRETCH_STEPS = ['wall', 'lean', 'hold', 'thigh'] as const
/** Daily habits that may help. */
export const HABITS = ['drink', 'move', 'shoes', 'covers'] as const
/** Signs, with leg pain or swelling, of a clot in the lungs: call the emergency number now. */
export const EMERGENCY_SIGNS = ['breath', 'chest', 'blood'] as const
/** Warning signs that need a doctor today, most serious first. */
export const URGENT_SIGNS = ['clot', 'long', 'wound', 'toxin', 'weak'] as const
/** Reasons to make an appointment. */
export const APPOINTMENT_SIGNS = ['often', 'medicine', 'walking', 'numb', 'shrink', 'noHelp'] as const
/** The take-home summary points ("Remember"). */
export const SUMMARY_POINTS = ['stretch', 'quinine', 'emergency', 'urgent'] as const
