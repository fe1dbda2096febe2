/**
 * Worker-thread entry: makes one weekly working-condition summary (publishWeeklySummary) and answers
 * with it. With a year of earlier summaries to judge it against it takes about a second.
 */
import {
  publishWeeklySummary,
  type WeeklyReleaseInput,
} from '../../core/working-conditions/weekly-release.ts';
import { answerOnce } from './answer-once.ts';

answerOnce<WeeklyReleaseInput, ReturnType<typeof publishWeeklySummary>>(publishWeeklySummary);
