package org.refdesk.faq;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("An FAQ's answer renders as Markdown and never as markup someone smuggled in")
class FaqMarkdownTest {

  @Test
  @DisplayName("a script tag, raw HTML and event attributes come out as text")
  void rawHtmlIsEscaped() {
    var html =
        FaqMarkdown.html(
            "Hello <script>alert(1)</script>\n\n<div onclick=\"x()\">box</div>\n\n<img src=x onerror=alert(1)>");
    assertFalse(html.contains("<script"), html);
    assertFalse(html.contains("<div"), html);
    assertFalse(html.contains("<img"), html);
    assertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), html);
  }

  @Test
  @DisplayName("javascript: and data: links lose their address; http, https and mailto keep it")
  void unsafeLinksAreEmptied() {
    var html =
        FaqMarkdown.html(
            "[run](javascript:alert(1)) [data](data:text/html,hi) [vb](VBScript:x) [ok](https://example.org/a) [mail](mailto:desk@example.org)");
    assertFalse(html.toLowerCase().contains("javascript:"), html);
    assertFalse(html.contains("data:text"), html);
    assertFalse(html.toLowerCase().contains("vbscript:"), html);
    assertTrue(html.contains("href=\"https://example.org/a\""), html);
    assertTrue(html.contains("href=\"mailto:desk@example.org\""), html);
    assertTrue(html.contains("target=\"_blank\""), html);
    assertTrue(html.contains("rel=\"noopener noreferrer nofollow\""), html);
  }

  @Test
  @DisplayName("an image becomes a link, so an answer loads nothing from another site")
  void imagesBecomeLinks() {
    var html = FaqMarkdown.html("![the map](https://tracker.example/pixel.png)");
    assertFalse(html.contains("<img"), html);
    assertTrue(html.contains("href=\"https://tracker.example/pixel.png\""), html);
    assertTrue(html.contains(">the map</a>"), html);
  }

  @Test
  @DisplayName("bare addresses become links and Markdown formats")
  void markdownFormats() {
    var html = FaqMarkdown.html("**Open** daily, see https://example.org/hours\n\n- one\n- two");
    assertTrue(html.contains("<strong>Open</strong>"), html);
    assertTrue(html.contains("href=\"https://example.org/hours\""), html);
    assertTrue(html.contains("<li>one</li>"), html);
  }

  @Test
  @DisplayName("an excerpt is plain text, cut at a word")
  void excerpt() {
    assertEquals("Open daily.", FaqMarkdown.excerpt("**Open** _daily_.", 100));
    var cut = FaqMarkdown.excerpt("word ".repeat(100), 30);
    assertTrue(cut.length() <= 31 && cut.endsWith("…"), cut);
  }
}
