package org.refdesk.seed;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.refdesk.faq.Faq;
import org.refdesk.faq.FaqRepository.FaqFields;

/** The demo library's FAQs, so a first chat already shows suggestions. */
final class DemoFaqs {

  private DemoFaqs() {}

  private static JsonArray link(String title, String url) {
    return new JsonArray().add(new JsonObject().put("title", title).put("url", url));
  }

  static final List<FaqFields> ALL =
      List.of(
          new FaqFields(
              "How do I renew my books and other loans?",
              """
              You can renew most loans up to **three times**, as long as nobody has reserved them:

              1. Sign in to *My account* in the catalogue with your library card number and PIN.
              2. Open **Loans**, tick the items and choose **Renew**.

              You can also renew by phone or at any service desk. Items that are overdue can still be
              renewed; the fine stops growing from the day you renew.
              """,
              List.of("loans", "renewals", "account"),
              Faq.PUBLIC,
              "en",
              link("My account", "https://example.org/catalogue/account")),
          new FaqFields(
              "What are the library's opening hours?",
              """
              The main library is open **Monday to Friday 9:00–20:00**, **Saturday 10:00–17:00** and
              closed on Sundays and public holidays. Branch hours differ; see the opening hours page for
              each branch and for holiday closures.
              """,
              List.of("hours", "visiting"),
              Faq.PUBLIC,
              "en",
              link("Opening hours", "https://example.org/hours")),
          new FaqFields(
              "How can I print, copy or scan at the library?",
              """
              Every branch has a printer that also copies and scans. Send your file from a library
              computer or from your own device to the print queue, then release it at the printer with
              your library card. Black and white costs 10 cents a page, colour 50 cents; scanning to
              e-mail or a USB stick is free.
              """,
              List.of("printing", "computers", "scanning"),
              Faq.PUBLIC,
              "en",
              new JsonArray()),
          new FaqFields(
              "Can I borrow a book the library does not have (interlibrary loan)?",
              """
              Yes. Ask for an **interlibrary loan** with the form in *My account* or at the desk: give
              the title, author and, if you know it, the ISBN. Most books arrive within two weeks; we
              e-mail you when yours is ready to collect. Articles usually come as a PDF.
              """,
              List.of("interlibrary loan", "requests"),
              Faq.PUBLIC,
              "en",
              link("Request form", "https://example.org/ill")),
          new FaqFields(
              "¿Cómo puedo renovar mis préstamos?",
              """
              Puede renovar la mayoría de los préstamos hasta **tres veces**, si nadie los ha reservado.
              Entre en *Mi cuenta* del catálogo con el número de su tarjeta y su PIN, abra **Préstamos**
              y elija **Renovar**. También puede hacer la renovación por teléfono o en cualquier
              mostrador.
              """,
              List.of("préstamos", "renovación"),
              Faq.PUBLIC,
              "es",
              link("Mi cuenta", "https://example.org/catalogue/account")),
          new FaqFields(
              "A patron's card is blocked: what can staff do?",
              """
              Check the reason in the circulation system. Fines under 10 dollars can be waived once a
              year by any librarian; anything else goes to the circulation team as a ticket. Never
              read the card number back to the patron in the chat.
              """,
              List.of("accounts", "fines", "staff"),
              Faq.INTERNAL,
              "en",
              new JsonArray()));
}
