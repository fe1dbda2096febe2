/**
 * Tight rosters for the grouping benchmark (issue 13): groups of exactly 10 with exactly one
 * facilitator, as many facilitators as groups and none spare, each facilitator a supervisor in
 * a conflict pair with 2 learners, everyone free in each of 15 weekly blocks with probability
 * 0.45, 4 topics. On this class the heuristic alone left 10 of 60 people out on most seeds while
 * a complete legal grouping existed. The generator lives beside the engine's tests
 * (src/core/grouping/test-rosters.ts) so the tests and the benchmark use the same rosters.
 */
export { makeTightCohort as generateTightRoster, tightBlocks } from '../../src/core/grouping/test-rosters.ts';
