/**
 * The database schema, one file per capability. drizzle-kit reads this file (drizzle.config.ts); the
 * rest of the code imports tables from here.
 */
export * from './accounts.ts';
export * from './aggregate-releases.ts';
export * from './calendar.ts';
export * from './curriculum.ts';
export * from './feedback.ts';
export * from './group-space.ts';
export * from './groups.ts';
export * from './measurement.ts';
export * from './meetings.ts';
export * from './notifications.ts';
export * from './programs.ts';
export * from './push.ts';
export * from './recognition.ts';
export * from './reflection.ts';
export * from './single-sign-on.ts';
export * from './supervision.ts';
export * from './working-conditions.ts';
