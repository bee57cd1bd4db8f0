package org.refdesk.support;

import io.vertx.core.MultiMap;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * One HTTP/1.1 GET on its own TCP connection, the request line sent exactly as written and the
 * answer read as it came, to the end of the connection. No pool, no client-side normalising and no
 * state shared between requests: what a test sees is what the server sent for that one request.
 */
public final class RawHttp {

  private static final int TIMEOUT_MS = 30_000;

  /** An answer as it came; header names are case-insensitive. */
  public record Answer(int status, MultiMap headers, String body) {
    public String header(String name) {
      return headers.get(name);
    }
  }

  private RawHttp() {}

  public static Answer get(int port, String uri, String... headerPairs) {
    var request = new StringBuilder("GET ").append(uri).append(" HTTP/1.1\r\n");
    request.append("Host: 127.0.0.1:").append(port).append("\r\n");
    for (int i = 0; i < headerPairs.length; i += 2) {
      request.append(headerPairs[i]).append(": ").append(headerPairs[i + 1]).append("\r\n");
    }
    request.append("Connection: close\r\n\r\n");
    try (var socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", port), TIMEOUT_MS);
      socket.setSoTimeout(TIMEOUT_MS);
      socket.getOutputStream().write(request.toString().getBytes(StandardCharsets.ISO_8859_1));
      socket.getOutputStream().flush();
      return parse(socket.getInputStream().readAllBytes());
    } catch (IOException e) {
      throw new UncheckedIOException(uri, e);
    }
  }

  private static Answer parse(byte[] raw) {
    int end = indexOf(raw, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1), 0);
    if (end < 0) {
      throw new IllegalStateException("no complete head in " + raw.length + " bytes");
    }
    var lines = new String(raw, 0, end, StandardCharsets.ISO_8859_1).split("\r\n");
    int status = Integer.parseInt(lines[0].split(" ")[1]);
    var headers = MultiMap.caseInsensitiveMultiMap();
    for (int i = 1; i < lines.length; i++) {
      int colon = lines[i].indexOf(':');
      headers.add(lines[i].substring(0, colon).trim(), lines[i].substring(colon + 1).trim());
    }
    byte[] body = java.util.Arrays.copyOfRange(raw, end + 4, raw.length);
    if ("chunked".equalsIgnoreCase(headers.get("Transfer-Encoding"))) {
      body = unchunk(body);
    }
    return new Answer(status, headers, new String(body, StandardCharsets.UTF_8));
  }

  private static byte[] unchunk(byte[] chunked) {
    var out = new ByteArrayOutputStream();
    var crlf = "\r\n".getBytes(StandardCharsets.ISO_8859_1);
    int at = 0;
    while (true) {
      int lineEnd = indexOf(chunked, crlf, at);
      var sizeField = new String(chunked, at, lineEnd - at, StandardCharsets.ISO_8859_1);
      int size = Integer.parseInt(sizeField.split(";")[0].trim(), 16);
      if (size == 0) {
        return out.toByteArray();
      }
      out.write(chunked, lineEnd + 2, size);
      at = lineEnd + 2 + size + 2;
    }
  }

  private static int indexOf(byte[] data, byte[] pattern, int from) {
    outer:
    for (int i = from; i <= data.length - pattern.length; i++) {
      for (int j = 0; j < pattern.length; j++) {
        if (data[i + j] != pattern[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}
