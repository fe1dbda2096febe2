import type { Topic } from '../topic.ts';

export const mindfulnessForBusyDays: Topic = {
  id: 'mindfulness-for-busy-days',
  title: 'Mindfulness for busy days',
  summary:
    'We try short mindfulness practices that fit into a shift or a study day, and talk honestly about what gets in the way.',
  goals: [
    'Understand mindfulness as paying attention to the present moment on purpose, without judging it.',
    'Try a brief practice that fits into a clinical or study day.',
    'Choose a cue in your routine that reminds you to pause.',
  ],
  facilitatorBriefing: [
    'Mindfulness-based programs have been shown to reduce stress and burnout symptoms in health professionals and students. Brief, regular practice is more realistic for most people than long sessions.',
    'Offer mindfulness as a skill to try, not a cure or a duty. Some people find it unhelpful, and that is fine: invite them to notice what does help them.',
    'Turning attention inwards or closing the eyes can be unsettling for some people, particularly those with experiences of trauma. Always offer eyes open, a soft gaze, or an outward focus (sounds, feet on the floor) as equal choices, and let people stop at any time.',
    'Mindfulness does not fix an unreasonable workload. If that comes up, acknowledge it and note it as feedback for the program.',
    'If someone becomes distressed during a practice, end it gently, ground the group with an outward focus, and check in with the person privately afterwards, mentioning counselling or support services if it helps.',
  ],
  openingCheckIn: 'When did you last feel fully present in something, even for a moment? (You can pass.)',
  discussionPrompts: [
    {
      text: 'When in a typical day do you notice you are on autopilot? What does that look like for you?',
      suggestedMinutes: 7,
    },
    {
      text: 'What have you tried before to calm down or refocus: mindfulness, prayer, exercise, music, something else? What worked for you?',
      facilitatorNote: 'Honour every route; mindfulness is one of many.',
      suggestedMinutes: 7,
    },
    {
      text: 'After trying the breathing space together: what did you notice? Was anything surprising, difficult or pleasant?',
      facilitatorNote:
        'Run the practice before this prompt. “Nothing much” is a valid answer, and so is “I didn’t like it”.',
      suggestedMinutes: 7,
    },
    {
      text: 'Where in your day could a one-minute pause fit: before entering a room, after a handover, before opening your notes?',
      suggestedMinutes: 6,
    },
    {
      text: 'What gets in the way of pausing at work or while studying, and what would make it more accepted in your team?',
      suggestedMinutes: 6,
    },
  ],
  practice: {
    name: 'Three-minute breathing space',
    steps: [
      'Settle in a comfortable position, eyes closed or resting on a spot in front of you, whichever you prefer.',
      'For about a minute, notice what is here (thoughts, feelings, sensations) without trying to change anything.',
      'For about a minute, follow the breath in and out, coming back to it gently whenever your mind wanders.',
      'For about a minute, widen your attention to your whole body, the room and the sounds around you.',
      'Before moving on, choose a cue in your day (washing your hands, a door handle, logging in) for one mindful breath.',
    ],
    minutes: 10,
  },
  followUpPrompts: [
    'When did you use your cue for a mindful pause this week? What did you notice?',
    'When did you catch yourself on autopilot this week? What brought you back?',
    'What helped you feel calmer or more present this week, mindfulness or anything else?',
  ],
  skill: 'Mindful pause',
  catchUpSummary:
    'The group explored mindfulness: paying attention to the present moment on purpose, without judging it. People talked about when they slip into autopilot and the many ways they already calm down or refocus, from prayer to exercise. Together we tried a three-minute breathing space (notice what is here, follow the breath, widen to the body and the room) with eyes open or closed as each person preferred. Everyone chose a cue in their day, such as washing their hands, as a reminder to take one mindful breath.',
  audiences: ['students', 'residents', 'practitioners', 'faculty'],
  tags: ['mindfulness', 'stress-management', 'attention', 'wellness'],
  estimatedMinutes: 60,
};
