import type { Topic } from '../topic.ts';

export const compassionSatisfaction: Topic = {
  id: 'compassion-satisfaction',
  title: 'Compassion satisfaction: what makes the work worth it',
  summary:
    'We reflect on the meaning in our work, celebrate successes and effort, and practise giving and receiving gratitude.',
  goals: [
    'Reconnect with what makes your work or studies meaningful.',
    'Reflect on a success and name the team and individual efforts behind it.',
    'Practise recognising colleagues’ effort, and receiving gratitude without brushing it off.',
  ],
  facilitatorBriefing: [
    'Compassion satisfaction is the pleasure and meaning that come from doing helping work well. Questionnaires such as the ProQOL measure it alongside burnout and secondary traumatic stress, and higher compassion satisfaction goes with better wellbeing and with staying in the profession.',
    'It is fed by meaning, reflecting on successes, celebrating team and individual accomplishments, receiving gratitude and recognising effort, including effort that did not lead to a good outcome.',
    'Health care tends to move straight on to the next problem. Give this session time to linger on what went well; some people will find that unusual or uncomfortable at first.',
    'Keep it honest rather than relentlessly positive. If someone says they struggle to find meaning right now, accept it without trying to fix it, and check in privately if it sounds like burnout or low mood, mentioning counselling, student support or the employee assistance program.',
    'This topic makes a good close to a series: consider ending with a round in which people thank each other.',
  ],
  openingCheckIn:
    'What is one moment from the last month, at work, in study or elsewhere, that made you glad you chose this field? (You can pass.)',
  discussionPrompts: [
    {
      text: 'Why did you choose this work? What still holds true about that reason, and what has changed?',
      facilitatorNote:
        'Mixed levels give contrasting answers; invite a first-year and a senior to respond to each other.',
      suggestedMinutes: 8,
    },
    {
      text: 'Think of a recent success, however small: a patient who improved, an exam passed, a family who felt heard. What made it possible, and who else contributed?',
      suggestedMinutes: 7,
    },
    {
      text: 'When did someone last thank you for your work? How did you receive it: did you let it land, or brush it off?',
      suggestedMinutes: 6,
    },
    {
      text: 'Whose effort around you often goes unnoticed? How could it be recognised, even when the outcome was not what everyone hoped?',
      facilitatorNote:
        'Recognising effort regardless of outcome is part of compassion satisfaction. Roles that are often invisible may be named here.',
      suggestedMinutes: 7,
    },
    {
      text: 'How does your team or class celebrate accomplishments now, and what would you like to add?',
      suggestedMinutes: 6,
    },
  ],
  practice: {
    name: 'Three good things at work',
    steps: [
      'Write down three things that went well in your work or studies in the past week, however small.',
      'For each one, write what your part in it was.',
      'For each one, write who else contributed, and how.',
      'Choose one person from your list to thank or recognise specifically in the coming week.',
      'If you wish, share one of your three good things with the group.',
    ],
    minutes: 10,
  },
  followUpPrompts: [
    'What were three good things at work or in your studies this week? What was your part in them?',
    'Whom did you thank or recognise this week? How did they respond?',
    'When did you receive gratitude this week? Did you let it land?',
  ],
  skill: 'Three good things',
  catchUpSummary:
    'The group explored compassion satisfaction: the meaning and pleasure that come from doing helping work well, which helps protect against burnout. People revisited why they chose this field, reflected on recent successes and the team behind them, and talked about receiving thanks and recognising effort that often goes unnoticed, even when outcomes are not good. Everyone wrote down three good things from their past week, their part in each, and who else contributed, and chose one person to thank.',
  audiences: ['students', 'residents', 'practitioners', 'faculty'],
  tags: ['compassion-satisfaction', 'meaning', 'gratitude', 'recognition'],
  estimatedMinutes: 60,
};
