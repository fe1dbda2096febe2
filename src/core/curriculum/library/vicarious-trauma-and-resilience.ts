import type { Topic } from '../topic.ts';

export const vicariousTraumaAndResilience: Topic = {
  id: 'vicarious-trauma-and-resilience',
  title: 'Vicarious trauma, vicarious resilience and post-traumatic growth',
  summary:
    'We look at how other people’s suffering can affect us over time, and how witnessing their recovery can also strengthen us.',
  goals: [
    'Recognise signs of vicarious trauma and secondary traumatic stress in yourself and your team.',
    'Recognise vicarious resilience: being strengthened by witnessing how patients and clients recover.',
    'Build a personal practice for setting down what you carry after difficult work.',
  ],
  facilitatorBriefing: [
    'Repeated exposure to other people’s trauma can change how helpers feel and see the world: intrusive images, avoidance, numbness, feeling constantly on guard, or a loss of trust. This is vicarious trauma or secondary traumatic stress. It is an occupational hazard, not a weakness, and questionnaires such as the ProQOL measure it alongside burnout.',
    'Vicarious resilience is the other side: witnessing patients’ and clients’ courage and recovery can strengthen helpers. Post-traumatic growth describes positive change some people experience after struggling with trauma, such as closer relationships, new priorities or a sense of strength. Growth does not erase distress, and nobody owes anyone growth.',
    'Keep the focus on the effects of the work, not its graphic details. If someone starts describing traumatic material, gently ask them to share the impact rather than the content, to protect everyone in the room.',
    'Reflective supervision, peer debriefing, manageable caseloads and time after critical incidents are organisational protections. Invite the group to name what they have and what they lack.',
    'Some people will recognise strong symptoms in themselves during this session. Offer private follow-up, and name counselling, the employee assistance or student support service, and crisis lines clearly at the end.',
  ],
  openingCheckIn: 'What do you do to mark the end of a working or study day? (You can pass.)',
  discussionPrompts: [
    {
      text: 'Has a patient’s or client’s story ever stayed with you after you went home? Without the details, what effect did it have on you?',
      facilitatorNote:
        'Before this prompt, remind the group: the impact, not the content. Learners may draw on placements, volunteering or life.',
      suggestedMinutes: 8,
    },
    {
      text: 'Which signs of carrying others’ trauma (trouble switching off, avoidance, feeling numb, seeing danger everywhere) have you noticed in yourself or in colleagues?',
      suggestedMinutes: 7,
    },
    {
      text: 'Think of a patient or client whose courage or recovery moved you. How did witnessing it change you?',
      facilitatorNote:
        'This is vicarious resilience. Give it time; it is often what people remember from the session.',
      suggestedMinutes: 8,
    },
    {
      text: 'Have you, or someone you know, grown through a hard experience in ways you did not expect? What did that growth look like?',
      facilitatorNote:
        'Keep it optional and general, and never suggest that anyone should find a silver lining.',
      suggestedMinutes: 6,
    },
    {
      text: 'What does your team or program do to help people with what they carry, and what would you add?',
      suggestedMinutes: 6,
    },
  ],
  practice: {
    name: 'Leave it at the door',
    steps: [
      'Bring to mind the end of a demanding day, or simply today.',
      'Silently name one thing you witnessed that you are still carrying.',
      'Name one thing you did that helped, however small, and one moment of someone else’s strength that you saw.',
      'Choose a physical transition, such as washing your hands, taking off your badge or walking through a particular door, and pair it with the words “I did what I could today.”',
      'Decide who you can talk to when something is too heavy to set down alone.',
    ],
    minutes: 10,
  },
  followUpPrompts: [
    'When did you use your end-of-day transition this week? Did it help you set anything down?',
    'What moment of a patient’s or client’s strength did you notice this week? How did it affect you?',
    'Are you still carrying something from this week that would be worth talking through with someone you trust, a supervisor or a counsellor?',
  ],
  skill: 'End-of-day transition',
  catchUpSummary:
    'The group talked about vicarious trauma (how repeated exposure to other people’s suffering can change how we feel and see the world) and vicarious resilience (how witnessing patients’ and clients’ courage and recovery can strengthen us). We discussed post-traumatic growth, while agreeing that nobody owes anyone growth after a hard experience. People named the team supports that help, such as reflective supervision and debriefing, and those that are missing. Everyone designed an end-of-day transition to help set down what they carry, and chose someone to talk to when it is too heavy.',
  audiences: ['students', 'residents', 'practitioners', 'faculty'],
  tags: ['vicarious-trauma', 'secondary-traumatic-stress', 'vicarious-resilience', 'post-traumatic-growth'],
  estimatedMinutes: 60,
};
