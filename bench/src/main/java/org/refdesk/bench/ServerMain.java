package org.refdesk.bench;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.refdesk.Refdesk;
import org.refdesk.platform.config.Logging;
import org.refdesk.platform.config.RefdeskConfig;

/**
 * One server under test in a JVM of its own, started by {@link ServerProcess}, so that its heap and
 * its open-file limit hold nothing of the bench's clients. {@code gateway} runs the gateway
 * configured by the {@code REFDESK_*} environment, as the product reads it; {@code echo <port>}
 * runs the bare echo server. It prints {@code ready} once listening, then answers one line per
 * command on stdin: {@code heap} with the used heap in bytes after GC, {@code files} with its open
 * file descriptors and their limit. {@code stop}, or the end of stdin when the bench has gone,
 * stops it.
 */
public final class ServerMain {

  private ServerMain() {}

  public static void main(String[] args) throws Exception {
    Supplier<Future<Void>> stop;
    try {
      stop = start(args);
    } catch (Exception e) {
      // Vert.x's threads would keep a JVM alive that never says ready; the bench sees the exit at
      // once.
      e.printStackTrace();
      System.exit(1);
      return;
    }
    answer("ready");
    var commands = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    for (var line = commands.readLine();
        line != null && !line.equals("stop");
        line = commands.readLine()) {
      switch (line) {
        case "heap" -> answer("heap " + usedHeapAfterGc());
        case "files" -> {
          var files = OpenFiles.ofThisProcess();
          answer("files " + files.open() + " " + files.limit());
        }
        default -> answer("unknown " + line);
      }
    }
    stop.get().await(30, TimeUnit.SECONDS);
    System.exit(0);
  }

  private static Supplier<Future<Void>> start(String[] args) throws Exception {
    var server = args.length == 0 ? "" : args[0];
    return switch (server) {
      case "gateway" -> {
        var config = RefdeskConfig.fromEnv();
        Logging.configure(config.logLevel());
        var gateway = Refdesk.start(config).await(2, TimeUnit.MINUTES);
        yield gateway::stop;
      }
      case "echo" -> {
        var vertx = Vertx.vertx();
        EchoServer.start(vertx, Integer.parseInt(args[1])).await(1, TimeUnit.MINUTES);
        yield vertx::close;
      }
      default -> throw new IllegalArgumentException("usage: ServerMain gateway | echo <port>");
    };
  }

  private static void answer(String line) {
    System.out.println(line);
    System.out.flush();
  }

  /**
   * Three collections, so that what a socket merely passed through is gone and what it keeps is
   * left.
   */
  private static long usedHeapAfterGc() {
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }
}
