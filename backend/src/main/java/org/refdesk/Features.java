package org.refdesk;

import java.util.List;
import org.refdesk.auth.AuthFeature;
import org.refdesk.canned.CannedFeature;
import org.refdesk.chat.ChatFeature;
import org.refdesk.coop.CoopFeature;
import org.refdesk.embed.EmbedFeature;
import org.refdesk.faq.FaqFeature;
import org.refdesk.library.LibraryFeature;
import org.refdesk.notes.NotesFeature;
import org.refdesk.operator.OperatorFeature;
import org.refdesk.platform.gateway.Feature;
import org.refdesk.platform.mail.MailFeature;
import org.refdesk.presence.PresenceFeature;
import org.refdesk.queue.QueueFeature;
import org.refdesk.rating.RatingFeature;
import org.refdesk.report.ReportFeature;
import org.refdesk.rota.RotaFeature;
import org.refdesk.search.SearchFeature;
import org.refdesk.settings.SettingsFeature;
import org.refdesk.staffchat.StaffChatFeature;
import org.refdesk.stats.StatsFeature;
import org.refdesk.surge.SurgeFeature;
import org.refdesk.tag.TagFeature;
import org.refdesk.ticket.TicketFeature;
import org.refdesk.transcript.TranscriptFeature;
import org.refdesk.transfer.TransferFeature;
import org.refdesk.widget.WidgetFeature;

/**
 * The feature registry: every feature of the gateway, one line each. The HTTP verticle mounts their
 * routes and asks their bridge rules in this order; the node deploys their verticles. A new feature
 * is a package with a {@code Feature} and one line here.
 */
final class Features {

  private Features() {}

  static List<Feature> all() {
    return List.of(
        new AuthFeature(),
        new LibraryFeature(),
        new OperatorFeature(),
        new QueueFeature(),
        new PresenceFeature(),
        new ChatFeature(),
        new StaffChatFeature(),
        new TagFeature(),
        new CannedFeature(),
        new SettingsFeature(),
        new WidgetFeature(),
        new EmbedFeature(),
        new TicketFeature(),
        new TranscriptFeature(),
        new TransferFeature(),
        new CoopFeature(),
        new ReportFeature(),
        new FaqFeature(),
        new SearchFeature(),
        new StatsFeature(),
        new RatingFeature(),
        new RotaFeature(),
        new SurgeFeature(),
        new NotesFeature(),
        new MailFeature());
  }
}
