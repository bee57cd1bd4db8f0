package org.refdesk.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A TCP relay in front of the gateway whose traffic can be held: connections stay open but no byte
 * passes, as when a Wi-Fi network drops while the operating system still believes in it. Nothing is
 * dropped; held bytes go on once it is released. Plain threads, on the test's side only.
 */
public final class StallingProxy implements AutoCloseable {

  private final ServerSocket server;
  private final int target;
  private final List<Socket> sockets = new CopyOnWriteArrayList<>();
  private final Object gate = new Object();
  private volatile boolean held;

  public StallingProxy(int target) {
    this.target = target;
    try {
      this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    daemon("stalling-proxy", this::accept);
  }

  public int port() {
    return server.getLocalPort();
  }

  /** From now on nothing passes either way, on open connections and new ones. */
  public void hold() {
    held = true;
  }

  public void release() {
    synchronized (gate) {
      held = false;
      gate.notifyAll();
    }
  }

  private void accept() {
    while (!server.isClosed()) {
      try {
        var client = server.accept();
        var upstream = new Socket(InetAddress.getLoopbackAddress(), target);
        sockets.add(client);
        sockets.add(upstream);
        pump(client, upstream);
        pump(upstream, client);
      } catch (IOException e) {
        return;
      }
    }
  }

  private void pump(Socket from, Socket to) {
    daemon(
        "stalling-proxy-pump",
        () -> {
          var buffer = new byte[16384];
          try (InputStream in = from.getInputStream();
              OutputStream out = to.getOutputStream()) {
            int read;
            while ((read = in.read(buffer)) != -1) {
              waitWhileHeld();
              out.write(buffer, 0, read);
              out.flush();
            }
          } catch (IOException | InterruptedException e) {
            // One side closed: the other follows below.
          } finally {
            closeQuietly(from);
            closeQuietly(to);
          }
        });
  }

  private void waitWhileHeld() throws InterruptedException {
    synchronized (gate) {
      while (held) {
        gate.wait();
      }
    }
  }

  private static void daemon(String name, Runnable task) {
    var thread = new Thread(task, name);
    thread.setDaemon(true);
    thread.start();
  }

  private static void closeQuietly(Socket socket) {
    try {
      socket.close();
    } catch (IOException e) {
      // Already closed.
    }
  }

  @Override
  public void close() {
    release();
    closeQuietly(server);
    sockets.forEach(StallingProxy::closeQuietly);
  }

  private static void closeQuietly(ServerSocket socket) {
    try {
      socket.close();
    } catch (IOException e) {
      // Already closed.
    }
  }
}
