/**
 * What a person in no group is told, privately. The engine's reasons speak to a coordinator and
 * may name other people ("Ana and Ben are a conflict pair"); the person hears only why in plain
 * words about themselves, and what they can do.
 */
import type { UnplacedReason } from './model.ts';
import type { NoPlaceReason } from './propose-placement.ts';

export type UnplacedCause = UnplacedReason | NoPlaceReason;

const whyByCause: Record<UnplacedCause, string> = {
  'no-availability': 'you have not given any weekly hours when you are free',
  'no-shared-slot': 'too few people are free at the same hours as you to make a group',
  'no-group-at-their-hours': 'no group meets at an hour you said you are free',
  'no-facilitator-free': 'no facilitator is free at the hours you share with others',
  'not-enough-facilitators': 'there are not enough facilitators for another group',
  'too-many-facilitators':
    'every group that meets when you are free already has all the facilitators it can take',
  conflict: 'the groups that meet when you are free cannot take you',
  'groups-cannot-take': 'the groups that meet when you are free cannot take you',
  'groups-full': 'every group that meets when you are free is full',
  'pinned-group-infeasible': 'the group you were kept for could not meet at an hour you share',
  'duplicate-id': 'your enrolment could not be read',
  'invalid-rules': 'the group rules of the program could not be met',
};

/** The plain-words reason, the things the person can do, and the whole notice text. */
export function tellUnplaced(
  cause: UnplacedCause | null,
  programTitle: string,
): { why: string; options: string[]; body: string } {
  const why = cause ? whyByCause[cause] : 'no group that meets when you are free has room yet';
  const options = [
    'widen your availability: add more weekly hours on the program page',
    'stay on the waiting list for a place: when a group at your hours has room, the coordinator can offer it to you',
    'choose another program that meets at other times',
  ];
  const body =
    `You are enrolled in ${programTitle}, but not in a group yet, because ${why}. ` +
    `What you can do: ${options.map((option, index) => `(${index + 1}) ${option}`).join('; ')}. ` +
    'Only you and the program coordinator see this.';
  return { why, options, body };
}
