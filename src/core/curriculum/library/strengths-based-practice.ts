import type { Topic } from '../topic.ts';

export const strengthsBasedPractice: Topic = {
  id: 'strengths-based-practice',
  title: 'Strengths-based practice',
  summary:
    'We identify the strengths we bring to our work and practise seeing strengths in patients, clients and colleagues, not only problems.',
  goals: [
    'Identify two or three of your own strengths and how they show up in your work.',
    'Practise noticing strengths and resources in a patient, client or colleague.',
    'Consider how a strengths-based view sits alongside careful assessment of risk and need.',
  ],
  facilitatorBriefing: [
    'Strengths-based practice attends to people’s capabilities, resources and hopes alongside their difficulties. It is well established in social work and mental-health care and increasingly used across the health professions; turned towards ourselves, it supports engagement and helps protect against burnout.',
    'It does not mean ignoring problems or risk. Clinical training rightly teaches us to look for what is wrong; this session adds the habit of looking for what is strong as well.',
    'Some people find naming their own strengths awkward, for personal or cultural reasons. Offer another way in: “What would a friend say you are good at?”',
    'Learners may feel they have no strengths “yet” in a clinical sense. Help them see that curiosity, kindness, earlier jobs and life experience are strengths teams rely on.',
    'Naming strengths in each other is a gift the group can give. Keep it genuine and specific, and let anyone decline to receive it.',
    'Someone who is struggling may find they cannot name a single strength. Do not press or argue them out of it; check in privately afterwards, and mention counselling, student support or the employee assistance program if low mood seems to be behind it.',
  ],
  openingCheckIn: 'What is something you are quietly good at, outside work or study? (You can pass.)',
  discussionPrompts: [
    {
      text: 'Think of a day at work, on placement or in class when you felt at your best. What were you doing, and which strengths were you using?',
      suggestedMinutes: 8,
    },
    {
      text: 'What would the people who know you well say you bring to a team?',
      facilitatorNote: 'An easier way in for anyone uncomfortable naming their own strengths.',
      suggestedMinutes: 6,
    },
    {
      text: 'Think of a patient or client who coped with difficult circumstances. What strengths or resources helped them, and how did you notice them?',
      facilitatorNote:
        'No identifying details. Listen for the moment someone shifted from seeing only problems to seeing resources.',
      suggestedMinutes: 8,
    },
    {
      text: 'How does your training or workplace talk about people: in terms of deficits, strengths, or both? What effect does that have on you and on them?',
      suggestedMinutes: 7,
    },
    {
      text: 'Which of your strengths could you use more deliberately in the coming month?',
      suggestedMinutes: 6,
    },
  ],
  practice: {
    name: 'Strengths spotting',
    steps: [
      'In threes, one person tells a two-minute story about a time something went well for them, at work, in study or in life.',
      'The listeners note the strengths they hear, such as persistence, humour, calm, curiosity or fairness.',
      'The listeners name those strengths back, each with the part of the story that showed it.',
      'The storyteller says which strength surprised them or fits them best.',
      'Rotate so that everyone can tell a story if time allows; anyone may choose to listen only.',
    ],
    minutes: 10,
  },
  followUpPrompts: [
    'When did you use one of your strengths on purpose this week? What happened?',
    'What strength did you notice in a patient, client or colleague this week? Did you tell them?',
    'When did a problem-focused view take over this week? What might a strengths-based view have added?',
  ],
  skill: 'Strengths spotting',
  catchUpSummary:
    'The group looked at strengths-based practice: paying attention to people’s capabilities and resources alongside their difficulties, in patients and clients and in ourselves. People described days when they were at their best and the strengths they were using, and noticed strengths in patients and clients who coped with hard circumstances. We discussed how this view sits alongside, not instead of, careful assessment of risk and need. In threes, everyone practised hearing a short story and naming the strengths in it.',
  audiences: ['students', 'residents', 'practitioners', 'faculty'],
  tags: ['strengths-based-practice', 'strengths', 'engagement', 'social-work'],
  estimatedMinutes: 60,
};
