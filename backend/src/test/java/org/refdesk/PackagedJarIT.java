package org.refdesk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.refdesk.support.TestGateway;

@DisplayName("The packaged jar, run as the README says")
class PackagedJarIT {

  private static final Pattern LOGIN_LINE = Pattern.compile("Log in as: admin / (\\S+)");

  @Test
  @DisplayName(
      "with no URLs configured it starts embedded Postgres and Redis, prints a login that works, and stops on SIGTERM")
  void embeddedDefault() throws Exception {
    var jar = Path.of(System.getProperty("refdesk.jar", "target/refdesk.jar"));
    assertTrue(Files.exists(jar), "package the jar first: " + jar);
    var workDir = Files.createTempDirectory("refdesk-jar-test");
    int port = TestGateway.freePort();
    var builder =
        new ProcessBuilder("java", "-jar", jar.toAbsolutePath().toString())
            .directory(workDir.toFile());
    builder.environment().keySet().removeIf(name -> name.startsWith("REFDESK_"));
    builder.environment().put("REFDESK_HTTP_PORT", Integer.toString(port));
    builder.redirectError(workDir.resolve("stderr.log").toFile());
    var process = builder.start();
    var output = new ArrayList<String>();
    try {
      var password = readPassword(process, output);
      var http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
      var login =
          http.send(
              HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/auth/login"))
                  .header("Content-Type", "application/json")
                  .POST(
                      HttpRequest.BodyPublishers.ofString(
                          "{\"username\":\"admin\",\"password\":\"" + password + "\"}"))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertEquals(200, login.statusCode(), login.body());
      assertTrue(login.body().contains("\"token\""));

      var ready =
          http.send(
              HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/ready")).build(),
              HttpResponse.BodyHandlers.ofString());
      assertEquals(200, ready.statusCode(), ready.body());
      assertTrue(
          Files.isDirectory(workDir.resolve("data/postgres")), "the data lives under ./data");

      process.destroy();
      assertTrue(process.waitFor(60, TimeUnit.SECONDS), "the gateway stops on SIGTERM");
      var stderr = Files.readString(workDir.resolve("stderr.log"));
      assertTrue(stderr.contains("Stopping Refdesk"), stderr);
      assertTrue(
          !stderr.contains(password), "the password is printed once on stdout, never logged");
    } finally {
      process.destroyForcibly();
    }
    assertTrue(
        output.stream().anyMatch(l -> l.contains("/app/")), "the URLs are printed: " + output);
  }

  private static String readPassword(Process process, List<String> output) throws Exception {
    var found = new CompletableFuture<String>();
    var reader =
        new Thread(
            () -> {
              try (var lines =
                  new BufferedReader(
                      new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = lines.readLine()) != null) {
                  output.add(line);
                  var match = LOGIN_LINE.matcher(line);
                  if (match.find()) {
                    found.complete(match.group(1));
                  }
                }
                found.completeExceptionally(
                    new IllegalStateException(
                        "the gateway exited before printing a login: " + output));
              } catch (Exception e) {
                found.completeExceptionally(e);
              }
            });
    reader.setDaemon(true);
    reader.start();
    var password = found.get(120, TimeUnit.SECONDS);
    assertNotNull(password);
    return password;
  }
}
