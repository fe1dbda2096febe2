import type { Topic } from '../topic.ts';

export const peerSupportAndHelpSeeking: Topic = {
  id: 'peer-support-and-help-seeking',
  title: 'Peer support and asking for help',
  summary:
    'We look at what gets in the way of asking for help, how to support a peer who is struggling, and where to turn when more is needed.',
  goals: [
    'Name the barriers that make asking for help hard in health care, and question them.',
    'Practise a simple way to check in with a colleague or classmate who seems to be struggling.',
    'Know the support available locally, from peers to professional and crisis services.',
  ],
  facilitatorBriefing: [
    'Health professionals and learners often put off seeking help for their own wellbeing because of stigma, worries about confidentiality, progression or licensing, and a culture of self-reliance. Peer support programs, in which colleagues are trained to listen and connect people with help, are one way organisations lower these barriers.',
    'Peer support is listening and connecting, not treatment. The practice teaches a check-in that ends by asking what would help and knowing where to point someone.',
    'Before the session, gather the real local options: student support or the employee assistance program, counselling, occupational health, peer support, professional health programs for clinicians, and a crisis line. Bring them printed or on a slide so that everyone leaves with them.',
    'Some participants will have asked for help before and had a poor experience. Listen and acknowledge it without defending the system, and pass on the themes (without names) if your program collects them.',
    'If someone discloses a current risk to themselves, stay with them, follow your organisation’s procedure and connect them with urgent help, telling them what you are doing and why.',
  ],
  openingCheckIn:
    'Outside your family, who do you tend to turn to when a day goes badly? A role is enough, no names needed. (You can pass.)',
  discussionPrompts: [
    {
      text: 'Think of a time someone noticed you were having a hard time and reached out. What did they do that helped, or didn’t?',
      suggestedMinutes: 8,
    },
    {
      text: 'What makes it hard to ask for help in your program or workplace? Which of those barriers are real, and which might be assumptions?',
      facilitatorNote:
        'Take worries about records, progression and licensing seriously. If you know the local facts, share them.',
      suggestedMinutes: 8,
    },
    {
      text: 'How can you tell when a colleague or classmate is struggling? What have you noticed in the past?',
      suggestedMinutes: 6,
    },
    {
      text: 'What stops you from checking in with someone when you are worried about them?',
      suggestedMinutes: 6,
    },
    {
      text: 'What support here do you know about, and what have you heard is helpful? What is missing?',
      facilitatorNote:
        'Hand out the local list of support now. Gaps people name are useful feedback for the program.',
      suggestedMinutes: 7,
    },
  ],
  practice: {
    name: 'Peer check-in',
    steps: [
      'Notice: say what you have observed, without judgement, such as “You’ve seemed quieter since last week.”',
      'Ask: “How are you doing, really?” and leave room for the answer.',
      'Listen: let them talk, and reflect back what you hear rather than fixing it or telling your own story.',
      'Ask what would help, and offer one concrete thing you can do.',
      'Connect: if more is needed, mention a support option from today’s list and offer to help them reach it.',
      'Practise the steps in pairs with an invented situation, then swap roles.',
    ],
    minutes: 10,
  },
  followUpPrompts: [
    'When did you check in with a colleague or classmate this week? What happened?',
    'When did you ask for help this week, even with something small? How did it feel?',
    'Is there a support option from the session’s list you would like to find out more about?',
  ],
  skill: 'Peer check-in',
  catchUpSummary:
    'The group talked about why asking for help is hard in health care, including stigma, worries about confidentiality or progression, and a culture of coping alone. People shared times someone noticed they were struggling, and what helped. Everyone practised a peer check-in: notice, ask, listen, ask what would help, and connect the person to further support when needed. The facilitator shared a list of local support, including counselling, the employee assistance or student support service and a crisis line; ask your facilitator or coordinator for a copy.',
  audiences: ['students', 'residents', 'practitioners', 'faculty'],
  tags: ['peer-support', 'help-seeking', 'stigma', 'support-services'],
  estimatedMinutes: 60,
};
