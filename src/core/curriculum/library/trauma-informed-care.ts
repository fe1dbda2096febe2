import type { Topic } from '../topic.ts';

export const traumaInformedCare: Topic = {
  id: 'trauma-informed-care',
  title: 'Trauma-informed care, for clients and for staff',
  summary:
    'We apply the principles of safety, choice, collaboration, trust and empowerment to how we care for patients and clients, and to how we treat each other.',
  goals: [
    'Describe the five principles of trauma-informed care: safety, choice, collaboration, trust and empowerment.',
    'Recognise everyday moments in care where a small change makes an encounter feel safer.',
    'Consider what a trauma-informed workplace would look like for staff and learners.',
  ],
  facilitatorBriefing: [
    'Trauma-informed care assumes that many of the people we serve, and many colleagues, carry experiences of trauma, and organises care so as not to re-traumatise them. It rests on five principles: safety, choice, collaboration, trust and empowerment.',
    'The same principles apply to staff and learners. Predictable schedules, a say in how work is done, transparent decisions and leaders who follow through are trauma-informed workplace practices.',
    'Run the session itself in a trauma-informed way: explain what will happen, keep to time, make every prompt optional, and let people step out without giving a reason.',
    'The conversation is about care practices, not participants’ own trauma histories. If someone begins to share personal trauma, thank them, gently return to the principles, and check in with them privately afterwards.',
    'The topic can stir things up. At the start and at the end, say where to find counselling, the employee assistance or student support service, and a crisis line.',
  ],
  openingCheckIn:
    'What helps you feel safe or settled when you walk into an unfamiliar place? (You can pass.)',
  discussionPrompts: [
    {
      text: 'Think of a patient or client encounter where something small (an explanation, a choice offered, a door left open) visibly put the person more at ease. What happened?',
      facilitatorNote:
        'Start from good practice. Learners can draw on their own experience as a patient or a visitor.',
      suggestedMinutes: 8,
    },
    {
      text: 'Which of the five principles (safety, choice, collaboration, trust, empowerment) is hardest to honour where you work or train? What gets in the way?',
      suggestedMinutes: 8,
    },
    {
      text: 'Where might routine procedures in your setting feel frightening or controlling to someone who has lived through trauma? What could be done differently?',
      facilitatorNote: 'Keep this about systems and practices, not about blaming individuals.',
      suggestedMinutes: 7,
    },
    {
      text: 'Now turn the principles towards staff and learners. Where do you feel safe, have choices and feel trusted at work or in your program? Where not?',
      facilitatorNote:
        'Themes about working conditions are valuable feedback; note them without names if your program collects them.',
      suggestedMinutes: 7,
    },
    {
      text: 'What is one trauma-informed habit you could bring to your next shift, class or placement?',
      suggestedMinutes: 5,
    },
  ],
  practice: {
    name: 'Five-principle check',
    steps: [
      'Choose one routine interaction from your work or studies: an admission, a physical examination, a handover, a supervision meeting.',
      'Walk through it step by step, asking at each point: is this safe, and does it feel safe to the other person?',
      'Ask where you could offer a real choice, or explain what happens next.',
      'Ask how you could make it more collaborative, build trust, or leave the person with more control.',
      'Write down one change you will try, and share it with a partner if you wish.',
    ],
    minutes: 10,
  },
  followUpPrompts: [
    'When did you use one of the five principles (safety, choice, collaboration, trust, empowerment) this week? What happened?',
    'What did you experience this week, as a colleague or learner, that felt trauma-informed, or the opposite? What would you want leaders to know?',
    'Which change from your five-principle check did you try? How did the other person respond?',
  ],
  skill: 'Five-principle check',
  catchUpSummary:
    'The group explored trauma-informed care: recognising that many patients, clients and colleagues carry experiences of trauma, and shaping care around five principles (safety, choice, collaboration, trust and empowerment). People described small actions that put patients at ease, and routines that can feel controlling or frightening. We turned the principles towards ourselves too, and discussed what a trauma-informed workplace would offer staff and learners. Everyone walked one routine interaction through a five-principle check and chose one change to try.',
  audiences: ['students', 'residents', 'practitioners', 'faculty'],
  tags: ['trauma-informed-care', 'safety', 'patient-experience', 'working-conditions'],
  estimatedMinutes: 60,
};
