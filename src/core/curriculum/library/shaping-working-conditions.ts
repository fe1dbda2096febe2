import type { Topic } from '../topic.ts';

export const shapingWorkingConditions: Topic = {
  id: 'shaping-working-conditions',
  title: 'Beyond coping: shaping the conditions we work in',
  summary:
    'We look at how workload, scheduling, autonomy and administrative burden shape resilience, and what teams and leaders can change together.',
  goals: [
    'Name the working or learning conditions that most affect your wellbeing.',
    'Sort what individuals, teams and the organisation can each change.',
    'Turn one concern into a specific, constructive request for a leader or coordinator.',
  ],
  facilitatorBriefing: [
    'Resilience is not only an individual’s job. Workload, scheduling, control over one’s work, fairness and administrative burden are major drivers of burnout, and organisations reduce it through supportive leadership, reflective supervision, peer support and realistic workloads.',
    'This session balances the rest of the program: it keeps individual skills from being heard as “cope better with whatever you are given”.',
    'Keep the discussion constructive and about systems, not individuals. Complaints about named colleagues belong in other channels; help people restate them as questions of process or resources.',
    'Learners may worry that speaking up will affect their assessments. Repeat the confidentiality agreement, and explain that feedback reaches leaders only as anonymous themes, if your program passes it on at all.',
    'If someone describes unsafe staffing, harassment or discrimination, thank them and, afterwards, point them to the right reporting route, their union or an ombudsperson, and support services.',
  ],
  openingCheckIn:
    'On a scale from “running on empty” to “well resourced”, where is your workplace or program this month? (You can pass.)',
  discussionPrompts: [
    {
      text: 'Which part of how your work or studies are organised (workload, schedules, paperwork, control over your time) takes the most out of you?',
      suggestedMinutes: 8,
    },
    {
      text: 'Which part gives energy back? What is already working and worth protecting?',
      suggestedMinutes: 6,
    },
    {
      text: 'Of the things that drain you, which can you change yourself, which could your team change, and which need the organisation?',
      facilitatorNote: 'A board with three columns (me, us, the organisation) keeps this concrete.',
      suggestedMinutes: 8,
    },
    {
      text: 'When have you seen a leader, supervisor or team make a change that really helped? What made it work?',
      suggestedMinutes: 7,
    },
    {
      text: 'What would you most like leadership to hear from this group?',
      facilitatorNote: 'Agree with the group which themes, if any, may be passed on anonymously.',
      suggestedMinutes: 6,
    },
  ],
  practice: {
    name: 'From concern to request',
    steps: [
      'Pick one condition that affects you and others, such as handovers that overrun, rotas that change at short notice, or a form filled in twice.',
      'Describe its effect in one sentence, on people and on care.',
      'Name the person or meeting that can change it.',
      'Write one specific request, including what you would offer to help.',
      'Share it with a partner, refine it together, and decide whether and how to raise it.',
    ],
    minutes: 10,
  },
  followUpPrompts: [
    'Did you raise your request, or another concern, this week? What happened?',
    'What change within your own control did you make to how you work or study this week?',
    'What went well in how your team or program was organised this week?',
  ],
  skill: 'Concern-to-request',
  catchUpSummary:
    'The group discussed how working and learning conditions (workload, schedules, control over time and paperwork) shape resilience, and agreed that coping is not only an individual’s job. People named what drains them and what gives energy back, and sorted concerns into what they, their team and the organisation can change. We shared examples of leaders making changes that helped. Everyone turned one concern into a specific request with an offer to help, and considered how to raise it.',
  audiences: ['students', 'residents', 'practitioners', 'faculty'],
  tags: ['working-conditions', 'workload', 'leadership', 'organisational-support'],
  estimatedMinutes: 60,
};
