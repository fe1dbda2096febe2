import type { Topic } from '../topic.ts';

export const growthMindset: Topic = {
  id: 'growth-mindset',
  title: 'Growth mindset: learning from what is hard',
  summary:
    'We look at how the stories we tell about our abilities shape how we respond to difficulty, feedback and setbacks.',
  goals: [
    'Recognise fixed and growth thoughts in your own self-talk, especially after feedback or a setback.',
    'Reframe one current challenge as something you are still learning.',
    'Notice what makes it safe to be a learner, at every level of a team.',
  ],
  facilitatorBriefing: [
    'A growth mindset is the belief that abilities develop with effort, good strategies and help from others. Everyone moves between fixed and growth thinking; the aim is to notice which is speaking, not to hold the “right” mindset.',
    'Health-care training is full of assessment and high standards, and perfectionism is common. Fixed thoughts (“I’m just not good at this”) often follow feedback. Invite people to notice them with curiosity rather than more self-criticism.',
    'Mindset is no answer to impossible workloads or unfair systems. When those come up, name them as problems of the setting, not failures of attitude.',
    'A senior member describing something they once struggled to learn, and how that changed, is one of the most powerful things this session offers. Ask one or two people to prepare a short example.',
    'Watch for self-criticism that sounds harsh and constant. Check in privately, and mention counselling or support services as an ordinary resource.',
  ],
  openingCheckIn:
    'Name something you can do now that you couldn’t do a year ago, in or outside your work. (You can pass.)',
  discussionPrompts: [
    {
      text: 'Think of a skill you found hard at first and can do now. What helped you move from struggling to capable?',
      facilitatorNote:
        'Mixed levels shine here: invite a senior member to describe an early struggle honestly.',
      suggestedMinutes: 8,
    },
    {
      text: 'What does your inner voice say after critical feedback, or a mistake in front of others? Does it sound more like a coach or a critic?',
      facilitatorNote:
        'People can describe this in general terms; nobody needs to quote their harshest thoughts.',
      suggestedMinutes: 8,
    },
    {
      text: 'Is there something you tell yourself you are “just not good at”? What would it sound like with the word “yet” on the end?',
      suggestedMinutes: 7,
    },
    {
      text: 'What do teachers, supervisors or teams do that makes it feel safe to not know something and ask? What makes it feel unsafe?',
      facilitatorNote: 'Collect behaviours the group can use with each other and with those they teach.',
      suggestedMinutes: 7,
    },
    {
      text: 'Where does the growth idea not fit — where is the problem the situation rather than your effort?',
      facilitatorNote: 'This guards against the message that struggling means a poor attitude.',
      suggestedMinutes: 5,
    },
  ],
  practice: {
    name: 'From “not yet” to next step',
    steps: [
      'Write down one current challenge in your studies or work that discourages you.',
      'Write the fixed thought that comes with it, as you usually hear it: “I’ll never be good at presenting.”',
      'Rewrite it as a growth thought that is still honest: “Presenting is hard for me right now, and I get better with practice.”',
      'Name one strategy, or one person, that could help you with it.',
      'Choose one small step to take in the next week, and when you will take it.',
    ],
    minutes: 10,
  },
  followUpPrompts: [
    'When did you catch a fixed thought this week? How did you answer it?',
    'What small step did you take on your challenge this week? What did you learn from it?',
    'When did you help someone else feel it was all right to still be learning?',
  ],
  skill: '“Not yet” reframe',
  catchUpSummary:
    'The group talked about growth mindset: the belief that abilities develop with effort, good strategies and help from others. People shared skills that were once hard for them, and how their inner voice sounds after feedback or a mistake. Senior members described things they struggled to learn, and the group named what makes it feel safe to say “I don’t know”. Everyone rewrote a discouraging thought as an honest “not yet” and chose one small next step.',
  audiences: ['students', 'residents', 'practitioners', 'faculty'],
  tags: ['growth-mindset', 'feedback', 'learning', 'perfectionism'],
  estimatedMinutes: 60,
};
