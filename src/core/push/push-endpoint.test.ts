import { describe, expect, it } from 'vitest';
import { pushCategoryOf } from './push-categories.ts';
import { knownPushServiceHosts, pushEndpointProblem } from './push-endpoint.ts';

describe('push endpoints', () => {
  it('accepts the push services browsers use', () => {
    expect(pushEndpointProblem('https://fcm.googleapis.com/fcm/send/abc', knownPushServiceHosts)).toBeNull();
    expect(
      pushEndpointProblem('https://wns2-par02p.notify.windows.com/w/?token=x', knownPushServiceHosts),
    ).toBeNull();
  });

  it('never lets a subscription point the server at another host or at plain http', () => {
    expect(pushEndpointProblem('https://intranet.example/admin', knownPushServiceHosts)).toMatch(
      /known push/,
    );
    expect(pushEndpointProblem('https://fcm.googleapis.com.evil.example/x', knownPushServiceHosts)).toMatch(
      /known push/,
    );
    expect(pushEndpointProblem('http://fcm.googleapis.com/x', knownPushServiceHosts)).toMatch(/https/);
    expect(pushEndpointProblem('not a url', knownPushServiceHosts)).toMatch(/https URL/);
    expect(pushEndpointProblem('http://127.0.0.1:9/push', knownPushServiceHosts)).toMatch(/known push/);
  });

  it('allows a local push service over http only when it is listed', () => {
    expect(pushEndpointProblem('http://127.0.0.1:4567/push/1', ['127.0.0.1'])).toBeNull();
  });

  it('pushes meetings, follow-ups and leaders actions, not every notice', () => {
    expect(pushCategoryOf('meeting-reminder')).toBe('meetings');
    expect(pushCategoryOf('reflection-follow-up')).toBe('follow-ups');
    expect(pushCategoryOf('leadership-action')).toBe('actions');
    expect(pushCategoryOf('recognition')).toBeNull();
  });
});
