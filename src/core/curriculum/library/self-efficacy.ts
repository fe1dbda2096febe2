import type { Topic } from '../topic.ts';

export const selfEfficacy: Topic = {
  id: 'self-efficacy',
  title: 'Self-efficacy: building confidence you can rely on',
  summary:
    'We look at where confidence in our own abilities comes from and how to build it deliberately, in ourselves and in each other.',
  goals: [
    'Describe the main sources of self-efficacy: doing things successfully, seeing others succeed, encouragement, and how we read our own nerves.',
    'Gather evidence of your own capability for a situation you find daunting.',
    'Practise giving a colleague specific encouragement that builds their confidence.',
  ],
  facilitatorBriefing: [
    'Self-efficacy is a person’s belief that they can do what a situation asks of them. In health professionals, higher self-efficacy goes with persistence, better coping and less burnout. It is specific to tasks: someone can feel sure of themselves in a difficult conversation and shaky with a procedure.',
    'It grows from four sources: having done something successfully, seeing someone similar succeed, believable encouragement, and reading a racing heart as readiness rather than failure. The prompts touch each one.',
    'Impostor feelings are common at every level, faculty included. Normalise them without dismissing them, and avoid empty reassurance such as “you’ll be fine”.',
    'Encouragement works when it is specific and honest. Vague praise does little; naming something a person actually did well builds belief.',
    'If someone’s lack of confidence seems to come from being unsupported or unsafe in a placement or job, that is a matter for supervision or the workplace. Help them find the right person to raise it with.',
  ],
  openingCheckIn:
    'What is something you handled recently that went better than you expected? Small things count. (You can pass.)',
  discussionPrompts: [
    {
      text: 'Think of a time you did something at work or in your studies that you doubted you could do. What made it possible?',
      suggestedMinutes: 8,
    },
    {
      text: 'Who have you watched do something well and thought, “I could learn to do that”? What was it about them or how they did it?',
      facilitatorNote: 'This draws on learning by example; learners and seniors often name each other.',
      suggestedMinutes: 7,
    },
    {
      text: 'What is the most useful encouragement you have ever received? What made it believable?',
      suggestedMinutes: 7,
    },
    {
      text: 'When your heart races before something difficult, what story do you tell yourself about it? Could it also mean you are getting ready?',
      suggestedMinutes: 6,
    },
    {
      text: 'Where do you feel least confident at the moment, and what would help you build evidence that you can do it?',
      facilitatorNote: 'Invite, never press. Some people will answer in general terms, which is fine.',
      suggestedMinutes: 7,
    },
  ],
  practice: {
    name: 'Evidence file',
    steps: [
      'Choose one situation you find daunting: a presentation, a difficult conversation, a new procedure.',
      'List three times you managed something similar or related, however small.',
      'Write down one thing someone said or did that showed they believed in you.',
      'Write one specific, honest sentence of encouragement you would give a friend in the same situation, then read it as if it were meant for you.',
      'In pairs, give each other one piece of specific encouragement based on what you heard today.',
    ],
    minutes: 10,
  },
  followUpPrompts: [
    'When did you draw on your evidence file this week? How did it change the way you approached the situation?',
    'What did you manage this week that belongs in your evidence file?',
    'Who did you give specific encouragement to this week? How did they respond?',
  ],
  skill: 'Evidence file',
  catchUpSummary:
    'The group explored self-efficacy, our belief that we can do what a situation asks of us. It grows from doing things successfully, seeing people like us succeed, believable encouragement, and reading our nerves as getting ready. People shared times they surprised themselves and encouragement that has stayed with them. Everyone started an evidence file of past successes for a situation they find daunting, and practised giving each other specific encouragement.',
  audiences: ['students', 'residents', 'practitioners', 'faculty'],
  tags: ['self-efficacy', 'confidence', 'impostor-feelings', 'encouragement'],
  estimatedMinutes: 60,
};
