import type { Topic } from '../topic.ts';

export const emotionalIntelligence: Topic = {
  id: 'emotional-intelligence',
  title: 'Emotional intelligence at work',
  summary:
    'We practise noticing, naming and working with our own emotions and those of patients, clients and colleagues.',
  goals: [
    'Notice and name your emotions more precisely in demanding moments.',
    'Recognise how emotions travel through a team and shape care.',
    'Use a brief pause to choose a response rather than react.',
  ],
  facilitatorBriefing: [
    'Emotional intelligence covers perceiving emotions in ourselves and others, understanding them, and managing them well. In health professionals it goes with better communication and teamwork and less burnout, and it can be learned.',
    'Naming an emotion precisely (“frustrated”, “helpless”, “embarrassed” rather than “stressed”) tends to lower its intensity and opens a choice about what to do next. The practice builds this habit.',
    'Emotions in health care are normal and informative, including anger, grief and disgust. Make sure no emotion is treated as unprofessional to feel; the conversation is about what we do with it.',
    'Cultures and families differ in how openly they show feelings. Do not treat the most expressive people in the room as the most emotionally intelligent.',
    'If someone describes a colleague’s behaviour that sounds like bullying or harassment, acknowledge it and, after the session, point them to the right reporting route and to support services.',
  ],
  openingCheckIn: 'If your mood today were weather, what would the forecast be? (You can pass.)',
  discussionPrompts: [
    {
      text: 'Think of a recent moment at work or in class when you felt something strongly. What was the feeling, as precisely as you can name it, and what set it off?',
      facilitatorNote:
        'Encourage specific words; a printed list of feeling words on the table helps people find them.',
      suggestedMinutes: 8,
    },
    {
      text: 'How do you usually notice your emotions: in your body, your thoughts, your behaviour, or only later?',
      suggestedMinutes: 6,
    },
    {
      text: 'When has one person’s mood changed the mood of a whole team or room? What did you notice?',
      suggestedMinutes: 7,
    },
    {
      text: 'Think of a patient, client or colleague whose emotions were hard to be around. What helped you stay steady, or what would have?',
      facilitatorNote: 'Situations only; keep anyone identifiable out of it.',
      suggestedMinutes: 8,
    },
    {
      text: 'What do you do in the few seconds between feeling something and reacting? What would you like to do?',
      suggestedMinutes: 6,
    },
  ],
  practice: {
    name: 'Name it, then choose',
    steps: [
      'Recall a recent charged moment, or notice how you feel right now.',
      'Pause and breathe out slowly, letting the out-breath be longer than the in-breath.',
      'Name the emotion as precisely as you can; try a second word if the first feels too broad.',
      'Ask yourself what this emotion tells you that you care about or need.',
      'Choose one response that fits your values, even if it is simply waiting before you reply.',
    ],
    minutes: 10,
  },
  followUpPrompts: [
    'When did you pause and name an emotion this week? What did you choose to do next?',
    'When did someone else’s emotions affect you or your team this week? How did you respond?',
    'Which emotion was hardest to name or sit with this week? What helped?',
  ],
  skill: 'Name it, then choose',
  catchUpSummary:
    'The group explored emotional intelligence: noticing, understanding and working with emotions, our own and other people’s. People described strong moments at work or in class, how emotions show up in their bodies and thoughts, and how one person’s mood can travel through a team. We agreed that every emotion is normal to feel in health care; what matters is what we do with it. Everyone practised a short pause: breathe out slowly, name the feeling precisely, ask what it says you care about, then choose a response.',
  audiences: ['students', 'residents', 'practitioners', 'faculty'],
  tags: ['emotional-intelligence', 'emotions', 'communication', 'teamwork'],
  estimatedMinutes: 60,
};
