package org.refdesk.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The bench's handle on a {@link ServerMain} in a child JVM: starts it with this JVM's java and the
 * same JVM options for every server, asks it for figures over its stdin and stdout, and makes sure
 * it ends on every way out of the bench: {@link #close()}, a shutdown hook for an exception or
 * Ctrl-C, and the child's own stop at the end of its stdin if the bench is killed outright.
 */
final class ServerProcess implements AutoCloseable {

  /** The same for the gateway and the echo server, so that their heaps compare like with like. */
  static final List<String> JVM_OPTIONS = List.of("-Xmx1g", "-XX:+UseG1GC");

  private static final Duration START_TIMEOUT = Duration.ofMinutes(2);

  /** Three full collections of a heap of up to 1 GiB take seconds, not minutes. */
  private static final Duration ANSWER_TIMEOUT = Duration.ofMinutes(1);

  private final String name;
  private final Process process;
  private final PrintStream commands;

  /** The child's stdout, line by line; empty once it has closed. */
  private final BlockingQueue<Optional<String>> lines = new LinkedBlockingQueue<>();

  private final Thread killOnExit;

  private ServerProcess(List<String> args, Map<String, String> env) throws IOException {
    name = args.get(0);
    var command = new ArrayList<String>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(JVM_OPTIONS);
    command.addAll(
        List.of("-cp", System.getProperty("java.class.path"), ServerMain.class.getName()));
    command.addAll(args);
    var builder = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT);
    builder.environment().putAll(env);
    process = builder.start();
    killOnExit = new Thread(process::destroyForcibly, "stop-" + name + "-child");
    Runtime.getRuntime().addShutdownHook(killOnExit);
    commands = new PrintStream(process.getOutputStream(), true, StandardCharsets.UTF_8);
    var reader = new Thread(this::readLines, name + "-child-stdout");
    reader.setDaemon(true);
    reader.start();
    try {
      expect("ready", START_TIMEOUT);
    } catch (RuntimeException e) {
      close();
      throw e;
    }
  }

  /** The gateway, configured by {@code env} exactly as the product reads its environment. */
  static ServerProcess gateway(Map<String, String> env) throws IOException {
    return new ServerProcess(List.of("gateway"), env);
  }

  /** The bare echo server on {@code port}. */
  static ServerProcess echo(int port) throws IOException {
    return new ServerProcess(List.of("echo", Integer.toString(port)), Map.of());
  }

  /** Used heap in bytes after the child has collected its garbage. */
  long usedHeapAfterGc() {
    return Long.parseLong(ask("heap")[1]);
  }

  OpenFiles openFiles() {
    var answer = ask("files");
    return new OpenFiles(Long.parseLong(answer[1]), Long.parseLong(answer[2]));
  }

  /** Asks the child to stop and waits for it to exit; kills it if it has not within 30 s. */
  @Override
  public void close() {
    // A child that has already gone makes these writes fail silently, which is what is wanted here.
    commands.println("stop");
    commands.close();
    try {
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor();
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
    try {
      Runtime.getRuntime().removeShutdownHook(killOnExit);
    } catch (IllegalStateException shuttingDown) {
      // The JVM is already exiting: the hook runs anyway and finds the child gone.
    }
  }

  private String[] ask(String command) {
    commands.println(command);
    return expect(command, ANSWER_TIMEOUT);
  }

  /**
   * The next line that starts with {@code word}, split on spaces; anything else the child printed
   * is passed on.
   */
  private String[] expect(String word, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      Optional<String> line;
      try {
        line = lines.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted waiting for the " + name + " child", e);
      }
      if (line == null) {
        throw new IllegalStateException(
            "the " + name + " child did not answer " + word + " within " + timeout);
      }
      if (line.isEmpty()) {
        throw new IllegalStateException("the " + name + " child ended before answering " + word);
      }
      var parts = line.get().split(" ");
      if (parts[0].equals(word)) {
        return parts;
      }
      System.err.println(name + ": " + line.get());
    }
  }

  private void readLines() {
    try (var reader = process.inputReader(StandardCharsets.UTF_8)) {
      reader.lines().forEach(line -> lines.add(Optional.of(line)));
    } catch (IOException | UncheckedIOException closed) {
      // The pipe broke because the child went away: the same as its end, marked below.
    }
    lines.add(Optional.empty());
  }
}
