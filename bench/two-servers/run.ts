// bench/run-all.ts runs every bench/<name>/run.ts; the two-servers benchmark lives beside the API
// benchmark it shares its seeding and load code with (and `npm run bench:two-servers` runs it there),
// so this only runs it as part of `npm run bench`. It needs DATABASE_URL and says so without it.
import '../api/two-servers.ts';
