/** The layer rules of docs/architecture.md, checked by `npm run lint`. */
module.exports = {
  forbidden: [
    {
      name: 'core-is-pure',
      comment:
        'src/core holds plain functions over plain data: no database, notifications, server, jobs, cli or web.',
      severity: 'error',
      from: { path: '^src/core' },
      to: { path: '^(src/(db|notifications|server|jobs|cli)|web)/' },
    },
    {
      name: 'core-has-no-io',
      comment: 'src/core may not touch the file system, network, processes or the database drivers.',
      severity: 'error',
      from: { path: '^src/core', pathNot: '\\.test\\.ts$' },
      to: {
        path: '^(fs|node:fs|fs/promises|node:fs/promises|net|node:net|http|node:http|https|node:https|child_process|node:child_process|worker_threads|node:worker_threads|pg|@electric-sql/pglite|drizzle-orm|fastify)$',
      },
    },
    {
      name: 'db-below-server',
      comment: 'The database layer does not know about notifications, HTTP, jobs or the command line.',
      severity: 'error',
      from: { path: '^src/db' },
      to: { path: '^src/(notifications|server|jobs|cli)/' },
    },
    {
      name: 'notifications-below-server-and-jobs',
      comment:
        'Notices and e-mail (src/notifications) are written by requests and by jobs alike, so they import neither.',
      severity: 'error',
      from: { path: '^src/notifications' },
      to: { path: '^src/(server|jobs|cli)/' },
    },
    {
      name: 'server-does-not-start-jobs',
      comment:
        "The arrow runs one way: jobs use the server's services, the server never imports jobs. " +
        'The process that runs both is `tend serve` (src/cli/serve.ts).',
      severity: 'error',
      from: { path: '^src/server' },
      to: { path: '^src/jobs/' },
    },
    {
      name: 'jobs-use-services-not-http',
      comment:
        'A job writes exactly as a request would, through the same services and src/notifications; ' +
        'it never reaches into the HTTP layer (app, routes, plugins, auth) or notices and mail under src/server.',
      severity: 'error',
      from: { path: '^src/jobs' },
      to: {
        path: '^src/server/',
        pathNot: '^src/server/(services/[^/]+|config|log-safe-error)\\.ts$',
      },
    },
    {
      name: 'server-not-cli',
      severity: 'error',
      from: { path: '^src/(server|jobs)' },
      to: { path: '^src/cli/' },
    },
    {
      name: 'web-talks-http-only',
      comment: 'The web app reaches the server only over HTTP.',
      severity: 'error',
      from: { path: '^web/' },
      to: { path: '^src/(db|notifications|server|jobs|cli)/' },
    },
    {
      name: 'features-are-independent',
      comment: 'A web feature does not import another feature, except the session every feature needs.',
      severity: 'error',
      from: { path: '^web/src/features/([^/]+)/' },
      to: {
        path: '^web/src/features/([^/]+)/',
        pathNot: ['^web/src/features/$1/', '^web/src/features/session/api/'],
      },
    },
    { name: 'no-circular', severity: 'error', from: {}, to: { circular: true } },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.tsx', '.js'] },
  },
};
