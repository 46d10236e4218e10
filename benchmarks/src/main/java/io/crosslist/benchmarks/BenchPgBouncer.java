package io.crosslist.benchmarks;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;

/** {@link PoolerBenchmark}'s own PgBouncer, in transaction mode, {@code pool} server connections per database. */
final class BenchPgBouncer implements AutoCloseable {
  private static final int PORT = 6439;
  private final Path dir;
  private final int pool;

  private BenchPgBouncer(Path dir, int pool) {
    this.dir = dir;
    this.pool = pool;
  }

  static BenchPgBouncer start(String directUrl, int pool) throws Exception {
    URI server = URI.create(directUrl.substring("jdbc:".length()));
    Path dir = Files.createTempDirectory("crosslist-bench-pgbouncer");
    Files.writeString(dir.resolve("pgbouncer.ini"), """
        [databases]
        * = host=%s port=%d

        [pgbouncer]
        listen_addr = 127.0.0.1
        listen_port = %d
        unix_socket_dir =
        auth_type = trust
        auth_file = %s/userlist.txt
        pool_mode = transaction
        default_pool_size = %d
        max_client_conn = 1000
        ignore_startup_parameters = extra_float_digits
        logfile = %s/pgbouncer.log
        pidfile = %s/pgbouncer.pid
        """.formatted(server.getHost(), server.getPort() < 0 ? 5432 : server.getPort(), PORT, dir, pool, dir, dir));
    Files.writeString(dir.resolve("userlist.txt"), "\"postgres\" \"\"\n");
    String command = "pgbouncer -d '" + dir.resolve("pgbouncer.ini") + "'";
    boolean root = "root".equals(System.getProperty("user.name"));
    if (root) { // PgBouncer refuses to run as root
      new ProcessBuilder("chown", "-R", "postgres", dir.toString()).inheritIO().start().waitFor();
    }
    Process process = (root ? new ProcessBuilder("su", "postgres", "-s", "/bin/sh", "-c", command)
        : new ProcessBuilder("sh", "-c", command)).inheritIO().start();
    if (process.waitFor() != 0) {
      throw new IllegalStateException("pgbouncer did not start (is it installed? apt-get install pgbouncer); see "
          + dir.resolve("pgbouncer.log"));
    }
    BenchPgBouncer bouncer = new BenchPgBouncer(dir, pool);
    for (int i = 0; i < 50; i++) {
      try (Connection ignored = DriverManager.getConnection(bouncer.jdbcUrl("postgres"))) {
        return bouncer;
      } catch (java.sql.SQLException e) {
        Thread.sleep(100);
      }
    }
    throw new IllegalStateException("pgbouncer does not answer on port " + PORT + "; see " + dir);
  }

  String jdbcUrl(String database) {
    return "jdbc:postgresql://127.0.0.1:" + PORT + "/" + database + "?user=postgres&prepareThreshold=0";
  }

  String description() {
    return "the benchmark's PgBouncer, pool_mode=transaction, default_pool_size=" + pool;
  }

  @Override
  public void close() throws Exception {
    Path pid = dir.resolve("pgbouncer.pid");
    if (Files.exists(pid)) {
      new ProcessBuilder("kill", Files.readString(pid).strip()).inheritIO().start().waitFor();
    }
  }
}
