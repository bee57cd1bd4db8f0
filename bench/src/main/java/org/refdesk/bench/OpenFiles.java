package org.refdesk.bench;

import com.sun.management.UnixOperatingSystemMXBean;
import java.lang.management.ManagementFactory;

/**
 * A process's open file descriptors and its limit: every socket holds one, so the limit caps idle
 * sockets.
 */
record OpenFiles(long open, long limit) {

  /** This JVM's figures; -1 for both where the platform does not tell (not a Unix). */
  static OpenFiles ofThisProcess() {
    if (!(ManagementFactory.getOperatingSystemMXBean() instanceof UnixOperatingSystemMXBean unix)) {
      return new OpenFiles(-1, -1);
    }
    long limit = unix.getMaxFileDescriptorCount();
    try {
      return new OpenFiles(unix.getOpenFileDescriptorCount(), limit);
    } catch (InternalError noDescriptorLeft) {
      // Counting lists /proc/self/fd, which takes a descriptor itself: failing to, the process is
      // at its limit.
      return new OpenFiles(limit, limit);
    }
  }
}
