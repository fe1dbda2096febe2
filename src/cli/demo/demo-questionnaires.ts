import { proqol5 } from '../../core/instruments/proqol-5.ts';
import type { Database } from '../../db/connect.ts';
import type { SignedInMember } from '../../server/auth/sessions.ts';
import { scheduleWindows } from '../../server/services/assessment-windows.ts';
import { saveResponse } from '../../server/services/assessments.ts';
import { type DemoClock, type DemoMembers, termParticipants } from './demo-members.ts';

export type DemoWindows = { baselineId: string; midTermId: string };

/** Whose answers stay unsent, so the demo participant finds the mid-term questionnaire waiting. */
const leavesMidTermOpen = 'participant1@demo.tend.test';

/** A ProQOL baseline when people enrol (closed two weeks ago) and a mid-term check-in open now. */
export async function scheduleDemoWindows(
  db: Database,
  coordinator: SignedInMember,
  programId: string,
  clock: DemoClock,
): Promise<DemoWindows> {
  const common = {
    instrumentId: proqol5.id,
    programId,
    helperTerm: 'clinician',
    occurrences: 1,
    remindersEnabled: true,
    reminderAfterDays: 3,
  };
  const [baseline] = await scheduleWindows(db, coordinator, {
    ...common,
    title: 'ProQOL at the start of the term',
    kind: 'baseline-at-enrolment',
    opensAt: clock.at(45),
    closesAt: clock.at(16),
  });
  const [midTerm] = await scheduleWindows(db, coordinator, {
    ...common,
    title: 'ProQOL at mid-term',
    kind: 'every-3-months',
    opensAt: clock.at(2),
    closesAt: clock.at(-12),
  });
  if (!baseline || !midTerm) throw new Error('the demo windows were not scheduled');
  return { baselineId: baseline.id, midTermId: midTerm.id };
}

/**
 * Most participants answered the baseline, a third have answered at mid-term so far. Answers follow
 * each person's own leaning, so figures differ by level as real ones would.
 */
export async function answerDemoQuestionnaires(
  db: Database,
  members: DemoMembers,
  windows: DemoWindows,
  clock: DemoClock,
): Promise<void> {
  const participants = termParticipants(members);
  for (const [index, member] of participants.entries()) {
    const leaning = clock.random.next();
    if (clock.random.next() < 0.85) {
      const answered = clock.at(41 - index / 5);
      await saveResponse(db, member, windows.baselineId, proqolAnswers(leaning, clock), 'submit', answered);
    }
    if (member.email === leavesMidTermOpen || clock.random.next() > 0.35) continue;
    const improved = Math.min(1, leaning + 0.1);
    await saveResponse(db, member, windows.midTermId, proqolAnswers(improved, clock), 'submit', clock.at(1));
  }
}

/** Answers 1–5 to the 30 items from a leaning in [0, 1]: higher means more satisfied, less worn out. */
function proqolAnswers(leaning: number, clock: DemoClock): Record<string, number> {
  const [satisfaction, burnout, traumaticStress] = proqol5.subscales.map((subscale) => subscale.items);
  const reversed = new Set(proqol5.reverseScoring?.items ?? []);
  const answers: Record<string, number> = {};
  const around = (centre: number) =>
    Math.max(1, Math.min(5, Math.round(centre + (clock.random.next() - 0.5) * 1.6)));
  for (const item of proqol5.items) {
    const n = item.number;
    let centre = 3;
    if (satisfaction?.includes(n)) centre = 2.6 + 2 * leaning;
    else if (burnout?.includes(n)) centre = reversed.has(n) ? 2.4 + 2 * leaning : 3.6 - 2 * leaning;
    else if (traumaticStress?.includes(n)) centre = 3 - 1.4 * leaning;
    answers[String(n)] = around(centre);
  }
  return answers;
}
