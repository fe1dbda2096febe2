/** Fixed lengths of time in milliseconds, for arithmetic on instants (`Date.getTime()`). */
export const millisecondsPerMinute = 60_000;
export const millisecondsPerHour = 3_600_000;
/** A day of 24 hours; a calendar day in a time zone can be 23 or 25 (see time-zones.ts). */
export const millisecondsPerDay = 86_400_000;
