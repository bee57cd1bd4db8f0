package org.refdesk;

import java.util.Optional;
import org.refdesk.platform.config.RefdeskConfig;
import org.refdesk.seed.DemoLibrary;
import org.refdesk.seed.DemoLibrary.Seeded;

/**
 * What a person sees when Refdesk is up: where to go and how to sign in. Generated passwords appear
 * here once, on the first run, and nowhere else.
 */
final class StartupBanner {

  private StartupBanner() {}

  static String render(RefdeskConfig effective, RefdeskConfig configured, Optional<Seeded> seeded) {
    var url = effective.publicUrl();
    var out = new StringBuilder();
    out.append('\n').append("Refdesk is running.\n");
    out.append("  Operator app:       ").append(url).append("/app/\n");
    out.append("  Demo library page:  ").append(url).append("/demo/\n");
    out.append("  Widget loader:      ").append(url).append("/widget.js\n");
    out.append("  Postgres:           ")
        .append(
            configured.pgUrl().isPresent()
                ? "configured"
                : "embedded, data in " + effective.dataDir())
        .append('\n');
    out.append("  Redis:              ")
        .append(configured.redisUrl().isPresent() ? "configured" : "embedded")
        .append('\n');
    if (seeded.isPresent()) {
      var s = seeded.get();
      out.append("\nFirst run: created \"")
          .append(s.libraryName())
          .append("\" with queues 'ask' and 'science'.\n");
      out.append("  Log in as: ")
          .append(s.adminUsername())
          .append(" / ")
          .append(s.generatedAdminPassword().orElse("(the password in REFDESK_ADMIN_PASSWORD)"))
          .append('\n');
      s.librarianPasswords()
          .forEach(
              (username, password) ->
                  out.append("  Librarian: ")
                      .append(username)
                      .append(" / ")
                      .append(password)
                      .append('\n'));
      out.append("  These passwords are shown only now; keep them somewhere safe.\n");
    } else {
      out.append("\n  Log in as: ")
          .append(DemoLibrary.ADMIN_USERNAME)
          .append(" with the password shown on the first run (or REFDESK_ADMIN_PASSWORD).\n");
    }
    return out.toString();
  }
}
