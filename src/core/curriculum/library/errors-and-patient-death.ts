import type { Topic } from '../topic.ts';

export const errorsAndPatientDeath: Topic = {
  id: 'errors-and-patient-death',
  title: 'Difficult events: errors and patient death',
  summary:
    'We talk about how errors, near misses and the death of a patient affect the people caring for them, and how to support ourselves and each other afterwards.',
  goals: [
    'Recognise guilt, self-doubt and replaying events after an error or a death as common, understandable reactions.',
    'Name what helps in the hours and weeks after a patient dies or a mistake happens.',
    'Practise supporting a colleague after a difficult event.',
  ],
  facilitatorBriefing: [
    'Clinicians involved in errors, adverse events or unexpected deaths often feel guilt, shame and self-doubt, replay events and fear judgement; some call this being a “second victim”, while others prefer different words out of respect for the patients and families harmed first. These reactions are common, usually ease with support, and say nothing about a person’s worth as a professional.',
    'Learners often meet death for the first time during training, sometimes with no debrief at all. Faculty describing their own first experience can be deeply reassuring.',
    'This is not a case review or a root-cause analysis. Do not discuss identifiable patients or investigate what went wrong; keep to how people were affected and what helped.',
    'A just culture separates honest error and system failure from reckless behaviour, and learning from errors needs psychological safety. Note themes about blame or missing debriefs (without names) if your program collects them.',
    'Say at the start that anyone may step out, and name the support available: peer or clinician support programs, counselling, the employee assistance or student support service, and crisis lines. Check in privately with anyone who seems shaken.',
  ],
  openingCheckIn:
    'What do you need from this group to feel able to talk about hard things today? (You can pass.)',
  discussionPrompts: [
    {
      text: 'Think of the first time you were involved in caring for a patient who died, or heard that one had. What do you remember feeling, and what happened next?',
      facilitatorNote:
        'Learners without this experience can speak about what they expect or fear; that is just as valuable.',
      suggestedMinutes: 8,
    },
    {
      text: 'What helped you, or would have helped, in the hours and days after a death or a difficult event?',
      suggestedMinutes: 7,
    },
    {
      text: 'Mistakes happen to everyone in health care. Leaving out the details of the event, how did a mistake or near miss, yours or one you witnessed, affect the person involved?',
      facilitatorNote:
        'Do not let the group analyse the error. If someone becomes distressed, slow down, thank them and offer a break.',
      suggestedMinutes: 8,
    },
    {
      text: 'What does your team or program do after an error or a death: debrief, stay silent, blame, support? What would you want it to do?',
      suggestedMinutes: 6,
    },
    {
      text: 'What would you say to a colleague who made a mistake and cannot stop going over it?',
      facilitatorNote: 'This leads into the practice.',
      suggestedMinutes: 5,
    },
  ],
  practice: {
    name: 'Supporting a colleague after a hard event',
    steps: [
      'Reach out soon and in private: “I heard about yesterday. How are you doing?”',
      'Listen more than you talk, and hold back both blame and quick reassurance until you have heard them.',
      'Normalise the reaction: “A lot of people feel like this afterwards. It shows how much you care.”',
      'Offer something concrete: a coffee, covering a task, walking with them to a debrief.',
      'If the distress lasts, point them to further support (a supervisor, peer support or counselling) and check in again a few days later.',
    ],
    minutes: 10,
  },
  followUpPrompts: [
    'When did you check in on a colleague after a hard event this week, or when did someone check in on you? What happened?',
    'Is there a difficult event you are still carrying? Who could you talk to about it?',
    'What is one thing you would like your team to do differently after the next difficult event?',
  ],
  skill: 'Supporting a colleague after a hard event',
  catchUpSummary:
    'The group talked about how errors, near misses and patient deaths affect the clinicians and learners involved, including guilt, self-doubt and replaying events, and agreed these reactions are common and understandable. People shared first experiences of a patient’s death and what helped afterwards, without discussing identifiable patients or analysing errors. We discussed how teams respond after a difficult event and what good support looks like. Everyone practised supporting a colleague: reach out, listen, normalise, offer something concrete, and point to further support.',
  audiences: ['students', 'residents', 'practitioners', 'faculty'],
  tags: ['errors', 'adverse-events', 'patient-death', 'grief', 'second-victim'],
  estimatedMinutes: 60,
};
