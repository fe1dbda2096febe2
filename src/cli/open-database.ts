import { connect, type DatabaseConnection } from '../db/connect.ts';
import { DataDirectoryInUseError } from '../db/data-directory-lock.ts';
import type { Config } from '../server/config.ts';

/**
 * Opens the database the configuration names for one command and closes it afterwards. On the
 * embedded database a running server holds the directory; the command then says so and stops.
 */
export async function withDatabase<Result>(
  config: Config,
  work: (connection: DatabaseConnection) => Promise<Result>,
): Promise<Result> {
  let connection: DatabaseConnection;
  try {
    connection = await connect(
      config.databaseUrl ? { databaseUrl: config.databaseUrl } : { dataDirectory: config.dataDirectory },
    );
  } catch (error) {
    if (error instanceof DataDirectoryInUseError) {
      throw new Error(
        `${error.message} (A running Tend server holds it: stop the server, then run this again.)`,
      );
    }
    throw error;
  }
  try {
    return await work(connection);
  } finally {
    await connection.close();
  }
}
