import type { Topic } from '../topic.ts';

export const stressAnxietyAndBurnout: Topic = {
  id: 'stress-anxiety-and-burnout',
  title: 'Stress, anxiety and burnout: telling them apart',
  summary:
    'We separate everyday stress, anxiety and burnout, notice our own early warning signs, and name what helps at each stage.',
  goals: [
    'Describe how stress, anxiety and burnout differ in what they feel like and what drives them.',
    'Recognise your own early warning signs before stress becomes chronic.',
    'Name one personal change and one change in how work is organised that would lighten your load.',
  ],
  facilitatorBriefing: [
    'Stress is the response to a demand and can help in short bursts; anxiety is worry or dread that lingers after the demand has passed, or without one; burnout is work-related exhaustion, cynicism or detachment, and a sense that nothing you do makes a difference, built up over months of demands outstripping resources.',
    'Burnout is common at every level, from first-year students to senior faculty, and is linked to poorer care and more errors. It is driven by workload, control, fairness and support as much as by personal coping: keep both in view so nobody leaves thinking it is their private failure.',
    'Share first, briefly, with a real example of your own warning signs. It gives permission to speak without setting the bar for disclosure too high.',
    'This is not a diagnostic session. If someone describes weeks of low mood, panic, hopelessness or poor sleep, acknowledge it kindly and, afterwards and in private, point them to counselling, student health or the employee assistance program.',
    'If anyone mentions thoughts of self-harm or suicide, speak with them privately the same day and help them reach a crisis line or urgent care. You are there to connect them with help, not to be their therapist.',
  ],
  openingCheckIn: 'In a word or a short phrase, what kind of week has it been? (You can pass.)',
  discussionPrompts: [
    {
      text: 'Think of a recent stretch that was stressful but manageable. What helped you through it, and how did you know it was ending?',
      facilitatorNote: 'Starting with manageable stress shows the group that stress itself is not the enemy.',
      suggestedMinutes: 7,
    },
    {
      text: 'How do you tell the difference, in yourself, between feeling stressed and feeling anxious? What does each one do to your body or your thinking?',
      facilitatorNote:
        'Expect a range of answers; there is no single right description. Writing the group’s own words on a board helps.',
      suggestedMinutes: 8,
    },
    {
      text: 'Burnout often shows up as exhaustion, cynicism, or a feeling that nothing you do makes a difference. Which of these, if any, have you noticed in yourself or around you?',
      facilitatorNote:
        'Welcome “around you” answers: speaking about the setting is easier than speaking about oneself, and both are useful.',
      suggestedMinutes: 8,
    },
    {
      text: 'What are your earliest warning signs that you are running low — the things a close friend would notice before you do?',
      suggestedMinutes: 7,
    },
    {
      text: 'What is one thing in how your work or studies are organised that adds to the load, and one thing that would make it lighter?',
      facilitatorNote:
        'This keeps working conditions in the room. If your program passes themes to leadership, note them without names.',
      suggestedMinutes: 7,
    },
  ],
  practice: {
    name: 'Warning-signs map',
    steps: [
      'Draw three columns on a sheet: green (coping), amber (stretched) and red (running on empty).',
      'Under each colour, write two or three signs you notice in your body, mood, sleep or behaviour at that level.',
      'Under amber, write one small action that brings you back towards green.',
      'Under red, write one person or service you would contact.',
      'Keep the sheet, or a photo of it, where you will see it. Nobody else needs to.',
    ],
    minutes: 8,
  },
  followUpPrompts: [
    'Which column of your warning-signs map were you in most of this week? What moved you between columns?',
    'When did you notice an early warning sign this week? What did you do about it?',
    'What added to your load at work or in your studies this week, and is there someone who could help change it?',
  ],
  skill: 'Warning-signs map',
  catchUpSummary:
    'The group explored how stress (a response to a demand, which passes), anxiety (worry that stays after the demand, or comes without one) and burnout (long-term exhaustion, cynicism and a sense of ineffectiveness at work) differ. People described their own early warning signs, and noticed that burnout grows out of working conditions as well as personal habits. Everyone made a private warning-signs map with green, amber and red columns, and one action or contact for each. To try it, draw the three columns and note what you notice in yourself at each level.',
  audiences: ['students', 'residents', 'practitioners', 'faculty'],
  tags: ['stress', 'anxiety', 'burnout', 'warning-signs'],
  estimatedMinutes: 60,
};
