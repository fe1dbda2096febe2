import { and, asc, eq } from 'drizzle-orm';
import type { Database } from '../../db/connect.ts';
import {
  assessmentResponses,
  attendance,
  enrollments,
  groupMembers,
  groups,
  meetingFeedback,
  meetings,
  memberships,
  notifications,
  organizations,
  programs,
  recognitions,
  reflections,
  users,
} from '../../db/schema.ts';
import { unknownAccountHash, verifyPassword } from '../auth/passwords.ts';
import type { SignedInMember } from '../auth/sessions.ts';
import { AppError } from '../errors.ts';
import { countOtherActiveAdmins, deleteAccount } from './accounts.ts';
import { listOwnPosts } from './group-space.ts';

/**
 * Said before an account is closed: what goes, and what stays behind and in which anonymous form.
 * Kept beside the code that does it, so the promise and the deletion cannot drift apart.
 */
export const accountClosingStatement = [
  'Closing your account deletes it and everything Tend holds about you: your profile, enrolments, ' +
    'availability, reflections, questionnaire answers and results, posts (with the replies to them), ' +
    'session feedback, recognitions you sent or received, notices and devices. You are signed out everywhere.',
  'What stays behind holds nothing that points to you: outcome figures already published (group ' +
    'averages and counts over groups large enough that nobody can be singled out), anonymous reports of ' +
    'working conditions (they never stored who sent them), and attendance rates already shown.',
  'Answers already counted in published figures stay counted, under a placeholder that is nobody: ' +
    'the scores of questionnaires whose window has closed (not your item answers) and your feedback on ' +
    'meetings whose feedback period has closed. Figures cannot be unpublished, and removing you from ' +
    'them would let anyone compare the figures before and after and work out your answers.',
  'This cannot be undone. Download your data first if you want a copy.',
];

/**
 * Everything Tend holds about the signed-in person in their organisation, as plain JSON: their own
 * words and answers in full, and of other people nothing — no names of who they were grouped with,
 * who thanked them or whom they asked not to be grouped with.
 */
export async function exportOwnData(db: Database, member: SignedInMember, now: Date) {
  const [account] = await db
    .select({
      name: users.name,
      email: users.email,
      createdAt: users.createdAt,
      organization: organizations.name,
      role: memberships.role,
      level: memberships.level,
      discipline: memberships.discipline,
    })
    .from(users)
    .innerJoin(memberships, eq(memberships.userId, users.id))
    .innerJoin(organizations, eq(organizations.id, memberships.organizationId))
    .where(and(eq(users.id, member.userId), eq(memberships.organizationId, member.organizationId)));
  const enrolmentRows = await db
    .select({ enrollment: enrollments, programTitle: programs.title })
    .from(enrollments)
    .innerJoin(programs, eq(programs.id, enrollments.programId))
    .where(and(eq(enrollments.userId, member.userId), eq(enrollments.organizationId, member.organizationId)))
    .orderBy(asc(enrollments.enrolledAt));
  const groupRows = await db
    .select({
      groupName: groups.name,
      programTitle: programs.title,
      isFacilitator: groupMembers.isFacilitator,
    })
    .from(groupMembers)
    .innerJoin(groups, eq(groups.id, groupMembers.groupId))
    .innerJoin(programs, eq(programs.id, groups.programId))
    .where(and(eq(groupMembers.userId, member.userId), eq(groups.organizationId, member.organizationId)));
  const attendanceRows = await db
    .select({ startsAt: meetings.startsAt, status: attendance.status })
    .from(attendance)
    .innerJoin(meetings, eq(meetings.id, attendance.meetingId))
    .where(and(eq(attendance.userId, member.userId), eq(meetings.organizationId, member.organizationId)))
    .orderBy(asc(meetings.startsAt));
  const reflectionRows = await db
    .select()
    .from(reflections)
    .where(and(eq(reflections.userId, member.userId), eq(reflections.organizationId, member.organizationId)))
    .orderBy(asc(reflections.createdAt));
  const responseRows = await db
    .select()
    .from(assessmentResponses)
    .where(
      and(
        eq(assessmentResponses.userId, member.userId),
        eq(assessmentResponses.organizationId, member.organizationId),
      ),
    )
    .orderBy(asc(assessmentResponses.startedAt));
  const feedbackRows = await db
    .select({ feedback: meetingFeedback, startsAt: meetings.startsAt })
    .from(meetingFeedback)
    .innerJoin(meetings, eq(meetings.id, meetingFeedback.meetingId))
    .where(
      and(
        eq(meetingFeedback.userId, member.userId),
        eq(meetingFeedback.organizationId, member.organizationId),
      ),
    );
  const sent = await db
    .select()
    .from(recognitions)
    .where(
      and(eq(recognitions.senderId, member.userId), eq(recognitions.organizationId, member.organizationId)),
    );
  const received = await db
    .select()
    .from(recognitions)
    .where(
      and(
        eq(recognitions.recipientId, member.userId),
        eq(recognitions.organizationId, member.organizationId),
      ),
    );
  const noticeRows = await db
    .select()
    .from(notifications)
    .where(
      and(eq(notifications.userId, member.userId), eq(notifications.organizationId, member.organizationId)),
    )
    .orderBy(asc(notifications.createdAt));
  return {
    exportedAt: now.toISOString(),
    about:
      'Everything Tend holds about you in this organisation. Other people appear in it by no name: ' +
      'not the people in your groups, not who thanked you, not whom you asked not to be grouped with.',
    account: account
      ? { ...account, createdAt: account.createdAt.toISOString() }
      : { name: member.name, email: member.email, role: member.role },
    enrolments: enrolmentRows.map(({ enrollment, programTitle }) => ({
      program: programTitle,
      status: enrollment.status,
      level: enrollment.level,
      discipline: enrollment.discipline,
      timeZone: enrollment.timeZone,
      availability: enrollment.availability,
      interests: enrollment.interests,
      // Who they are is someone else's data; that the request exists is the person's own.
      notWithRequests: enrollment.avoidUserIds.length,
      agreedToGuidelinesAt: enrollment.agreedToGuidelinesAt?.toISOString() ?? null,
      enrolledAt: enrollment.enrolledAt.toISOString(),
      withdrawnAt: enrollment.withdrawnAt?.toISOString() ?? null,
    })),
    groups: groupRows,
    attendance: attendanceRows.map((row) => ({ meeting: row.startsAt.toISOString(), status: row.status })),
    reflections: reflectionRows.map((row) => ({
      topic: row.topicTitle,
      skill: row.skill,
      prompt: row.prompt,
      answer: row.answer,
      skillUsed: row.skillUsed,
      intention: row.intention,
      isSharedWithGroup: row.isSharedWithGroup,
      isSharedAnonymously: row.isSharedAnonymously,
      createdAt: row.createdAt.toISOString(),
      updatedAt: row.updatedAt.toISOString(),
    })),
    questionnaires: responseRows.map((row) => ({
      instrument: row.instrumentId,
      status: row.status,
      answers: row.answers,
      scores: row.scores,
      startedAt: row.startedAt.toISOString(),
      submittedAt: row.submittedAt?.toISOString() ?? null,
    })),
    posts: (await listOwnPosts(db, member)).map(
      ({ groupName, programTitle, isReply, isAnonymous, body, createdAt }) => ({
        group: groupName,
        program: programTitle,
        isReply,
        isAnonymous,
        body,
        createdAt,
      }),
    ),
    sessionFeedback: feedbackRows.map(({ feedback, startsAt }) => ({
      meeting: startsAt.toISOString(),
      usefulness: feedback.usefulness,
      feltSafe: feedback.feltSafe,
      keep: feedback.keep,
      change: feedback.change,
      topicsWanted: feedback.topicsWanted,
      preferredTimes: feedback.preferredTimes,
    })),
    recognitionsSent: sent.map((row) => ({
      kind: row.kind,
      message: row.message,
      visibility: row.visibility,
      createdAt: row.createdAt.toISOString(),
    })),
    recognitionsReceived: received.map((row) => ({
      kind: row.kind,
      message: row.message,
      createdAt: row.createdAt.toISOString(),
    })),
    notices: noticeRows.map((row) => ({
      title: row.title,
      body: row.body,
      createdAt: row.createdAt.toISOString(),
      readAt: row.readAt?.toISOString() ?? null,
    })),
  };
}

export type OwnData = Awaited<ReturnType<typeof exportOwnData>>;

/**
 * Deletes the person's account after checking their password. Every row about them goes with it
 * (the schema cascades from users); rows that record what others did keep their own content and
 * lose only the link to this person. The last admin of an organisation cannot leave it without one.
 */
export async function closeAccount(
  db: Database,
  member: SignedInMember,
  password: string,
  now: Date,
): Promise<void> {
  const [user] = await db
    .select({ passwordHash: users.passwordHash })
    .from(users)
    .where(eq(users.id, member.userId));
  // Checked even without a hash, so a wrong password and a password-less account take the same time.
  const isRight = await verifyPassword(user?.passwordHash ?? unknownAccountHash, password);
  if (!user?.passwordHash || !isRight) {
    throw new AppError('VALIDATION_FAILED', 'Your password is not right.', {
      fields: { 'body.password': 'is not right' },
    });
  }
  await db.transaction(async (tx) => {
    // A disabled admin cannot sign in to run the organisation, so they do not count as another one.
    if (
      member.role === 'admin' &&
      (await countOtherActiveAdmins(tx, member.organizationId, member.userId)) === 0
    ) {
      throw new AppError(
        'ACCOUNT_LAST_ADMIN',
        'You are the only active admin of your organisation. Make someone else an admin on People first, then close your account.',
      );
    }
    await deleteAccount(tx, member.userId, now);
  });
}
