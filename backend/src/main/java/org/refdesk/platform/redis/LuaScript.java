package org.refdesk.platform.redis;

import io.vertx.core.Future;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * One Lua script from redis/scripts, run by its SHA. Redis forgets scripts on restart and the
 * client has no fallback, so on NOSCRIPT the script is sent whole once, which also caches it again.
 */
public final class LuaScript {

  private final String name;
  private final String source;
  private final String sha;
  private final int keyCount;

  private LuaScript(String name, String source, int keyCount) {
    this.name = name;
    this.source = source;
    this.sha = sha1(source);
    this.keyCount = keyCount;
  }

  /**
   * Loads {@code redis/scripts/<name>-<keyCount>.lua} from the classpath; the key count in the file
   * name is the contract between the script and its callers.
   */
  public static LuaScript load(String name, int keyCount) {
    var path = "redis/scripts/" + name + "-" + keyCount + ".lua";
    try (var in = LuaScript.class.getClassLoader().getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException("Missing Redis script " + path);
      }
      return new LuaScript(name, new String(in.readAllBytes(), StandardCharsets.UTF_8), keyCount);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public String name() {
    return name;
  }

  public Future<Response> run(Redis redis, List<String> keys, List<String> args) {
    if (keys.size() != keyCount) {
      return Future.failedFuture(
          new IllegalArgumentException(name + " takes " + keyCount + " keys"));
    }
    return redis
        .send(request(Command.EVALSHA, sha, keys, args))
        .recover(
            e ->
                e.getMessage() != null && e.getMessage().startsWith("NOSCRIPT")
                    ? redis.send(request(Command.EVAL, source, keys, args))
                    : Future.failedFuture(e));
  }

  private Request request(Command command, String script, List<String> keys, List<String> args) {
    var request = Request.cmd(command).arg(script).arg(keyCount);
    keys.forEach(request::arg);
    args.forEach(request::arg);
    return request;
  }

  private static String sha1(String text) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-1").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
