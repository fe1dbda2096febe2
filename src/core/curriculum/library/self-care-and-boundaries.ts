import type { Topic } from '../topic.ts';

export const selfCareAndBoundaries: Topic = {
  id: 'self-care-and-boundaries',
  title: 'Self-care and boundaries between work and personal life',
  summary:
    'We look at where work spills into the rest of life and practise a short, kind script for holding a boundary.',
  goals: [
    'Notice where work or study most often spills into rest, relationships and sleep.',
    'Tell apart the self-care that restores you from the habits that only numb or distract.',
    'Practise a short, respectful boundary-setting script you can use this week.',
  ],
  facilitatorBriefing: [
    'Self-care is not a reward for finishing everything: sleep, rest, movement and connection are part of safe practice, and boundaries protect the time in which they happen.',
    'Health-care culture often praises being always available. Learners in particular may feel they cannot say no to a senior. Name the power difference openly, and keep in view both what is within their control and what the institution should change.',
    'Avoid prescribing a routine or implying that a bath fixes burnout. Ask what works for each person; answers differ with culture, caring responsibilities and money.',
    'Faculty can model by naming a boundary they hold, or one they struggle with. That often helps learners more than advice.',
    'If someone describes being unable to stop working, relying on alcohol or other substances to switch off, or being overwhelmed by caring responsibilities, follow up privately and mention counselling, student support or the employee assistance program.',
  ],
  openingCheckIn:
    'What is one small thing that helped you rest or recharge recently, even for five minutes? (You can pass.)',
  discussionPrompts: [
    {
      text: 'Where does your work or study most often follow you home: messages, worry, unfinished notes, something else?',
      suggestedMinutes: 7,
    },
    {
      text: 'What does real rest look like for you? How is it different from what you do when you are too tired to choose?',
      facilitatorNote:
        'Gently separate restoring from numbing (endless scrolling, for example) without judging either; everyone does both.',
      suggestedMinutes: 7,
    },
    {
      text: 'Think of a time you held a boundary at work or in your studies, or wish you had. What made it easier or harder?',
      facilitatorNote:
        'Power differences matter here. If a learner describes pressure from a senior, acknowledge it and avoid suggesting they simply should have said no.',
      suggestedMinutes: 8,
    },
    {
      text: 'What unwritten rules in your team or program make it hard to switch off or to say no? Are any worth questioning together?',
      suggestedMinutes: 7,
    },
    {
      text: 'What would you like the people you work or study with to know about your limits?',
      suggestedMinutes: 5,
    },
  ],
  practice: {
    name: 'Boundary-setting script',
    steps: [
      'Pick a real, low-stakes situation where you would like to hold a boundary: a late request, an after-hours message, an extra shift.',
      'Write one sentence that acknowledges the request, such as “I can see this matters.”',
      'Write one sentence that states your limit plainly, without a long apology, such as “I can’t take it on tonight.”',
      'Write one sentence offering what you can do, if anything, such as “I can look at it first thing tomorrow.”',
      'In pairs, say your script aloud once each, then offer each other one tip on what sounded clear and kind.',
    ],
    minutes: 10,
  },
  followUpPrompts: [
    'When did you use your boundary-setting script, or part of it, this week? What happened?',
    'What is one thing you did this week that truly restored you? How did you make time for it?',
    'Was there a moment this week when you wanted to hold a boundary and didn’t? What got in the way?',
  ],
  skill: 'Boundary-setting script',
  catchUpSummary:
    'The group talked about where work and study spill into rest, relationships and sleep, and the difference between care that restores us and habits that only numb. People shared boundaries they have held or wished they had, and named the unwritten rules that make switching off hard, including the power differences between learners and seniors. Everyone drafted a three-part boundary script: acknowledge the request, state your limit plainly, offer what you can. You could write one for a situation coming up this week.',
  audiences: ['students', 'residents', 'practitioners', 'faculty'],
  tags: ['self-care', 'boundaries', 'work-life-balance', 'rest'],
  estimatedMinutes: 60,
};
