/**
 * The agreements every group opens with, whatever the topic. They make the promises of a
 * voluntary, confidential, mixed-level group explicit, and give everyone a way to pass.
 */
export const groupAgreements: readonly string[] = [
  'Coming is voluntary, and so is speaking: anyone can say “pass” to any question, with no reason needed.',
  'What is said here stays here; what is learned here leaves here.',
  'We speak from our own experience and listen without fixing, judging or comparing.',
  'Everyone here is learning, whatever their level: a first-year student’s view counts as much as a professor’s.',
  'We talk about situations, never about patients, clients or colleagues who could be identified.',
  'Anyone may step out at any time; the facilitator will check in with them afterwards, privately.',
];
