/**
 * The topics Tend ships with, in the default order of a program: a shared language for stress
 * first, then personal skills, then skills for each other, then the heavier topics once the
 * group trusts itself and knows where help is, closing on what makes the work worth it.
 */
import { compassionSatisfaction } from './library/compassion-satisfaction.ts';
import { emotionalIntelligence } from './library/emotional-intelligence.ts';
import { errorsAndPatientDeath } from './library/errors-and-patient-death.ts';
import { growthMindset } from './library/growth-mindset.ts';
import { mindfulnessForBusyDays } from './library/mindfulness-for-busy-days.ts';
import { peerSupportAndHelpSeeking } from './library/peer-support-and-help-seeking.ts';
import { selfCareAndBoundaries } from './library/self-care-and-boundaries.ts';
import { selfEfficacy } from './library/self-efficacy.ts';
import { shapingWorkingConditions } from './library/shaping-working-conditions.ts';
import { strengthsBasedPractice } from './library/strengths-based-practice.ts';
import { stressAnxietyAndBurnout } from './library/stress-anxiety-and-burnout.ts';
import { traumaInformedCare } from './library/trauma-informed-care.ts';
import { vicariousTraumaAndResilience } from './library/vicarious-trauma-and-resilience.ts';
import type { Topic } from './topic.ts';

export const topicLibrary: readonly Topic[] = [
  stressAnxietyAndBurnout,
  selfCareAndBoundaries,
  mindfulnessForBusyDays,
  growthMindset,
  selfEfficacy,
  emotionalIntelligence,
  strengthsBasedPractice,
  peerSupportAndHelpSeeking,
  traumaInformedCare,
  vicariousTraumaAndResilience,
  errorsAndPatientDeath,
  shapingWorkingConditions,
  compassionSatisfaction,
];
