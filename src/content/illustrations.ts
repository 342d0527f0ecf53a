import type { Component } from 'vue'
import DrinkWater from '../components/illustrations/DrinkWater.vue'
import HamstringStretch from '../components/illustrations/HamstringStretch.vue'
import HoldTheStretch from '../components/illustrations/HoldTheStretch.vue'
import KeepMoving from '../components/illustrations/KeepMoving.vue'
import LooseCovers from '../components/illustrations/LooseCovers.vue'
import PullToesUp from '../components/illustrations/PullToesUp.vue'
import RubTheMuscle from '../components/illustrations/RubTheMuscle.vue'
import StandOnCrampedLeg from '../components/illustrations/StandOnCrampedLeg.vue'
import SupportiveShoes from '../components/illustrations/SupportiveShoes.vue'
import WalkAround from '../components/illustrations/WalkAround.vue'
import WallStretchLean from '../components/illustrations/WallStretchLean.vue'
import WallStretchStart from '../components/illustrations/WallStretchStart.vue'
import WarmTowel from '../components/illustrations/WarmTowel.vue'

/**
 * The drawing for each step or habit that has one, by the same id as its text;
 * its text alternative is the message illustrations.<id>.
 */
export const ILLUSTRATIONS: Readonly<Record<string, Component>> = {
  stand: StandOnCrampedLeg,
  pull: PullToesUp,
  rub: RubTheMuscle,
  walk: WalkAround,
  warm: WarmTowel,
  wall: WallStretchStart,
  lean: WallStretchLean,
  hold: HoldTheStretch,
  thigh: HamstringStretch,
  drink: DrinkWater,
  move: KeepMoving,
  shoes: SupportiveShoes,
  covers: LooseCovers,
}
